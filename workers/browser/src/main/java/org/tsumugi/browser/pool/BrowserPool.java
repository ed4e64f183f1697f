package org.tsumugi.browser.pool;

import org.tsumugi.browser.Messages;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of reusable Chromium sessions. A lease hands one session to one job; when the job
 * returns it, the session is reset for the next job, or replaced if it crashed or has served its
 * share of jobs. Sessions start lazily, so an idle worker costs no browser.
 */
public final class BrowserPool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BrowserPool.class);

  private final BrowserSettings settings;
  private final ChromiumLauncher launcher;
  private final Semaphore permits;
  private final Deque<BrowserSession> idle = new ArrayDeque<>();
  private volatile boolean closed;
  private int started;
  private int replaced;

  public BrowserPool(BrowserSettings settings) {
    this.settings = settings;
    this.launcher = new ChromiumLauncher(settings);
    this.permits = new Semaphore(settings.size(), true);
    // Browsers of a worker that was killed before it could close them would otherwise live on.
    LeftoverReaper.reap(settings.workRoot());
  }

  /** Checks that chromium and chromedriver are installed, naming the Debian package if not. */
  public void checkInstalled() {
    launcher.checkInstalled();
  }

  /** Starts browsers ahead of the first jobs so that those do not pay the cold start. */
  public void warmUp(int count) {
    // All leases are held at once: returning each at once would hand the same browser back.
    List<Lease> leases = new ArrayList<>();
    try {
      for (int i = 0; i < Math.min(count, settings.size()); i++) {
        leases.add(acquire());
      }
    } finally {
      leases.forEach(Lease::close);
    }
  }

  /** Waits up to the configured time for a healthy browser. */
  public Lease acquire() {
    if (closed) {
      throw new BrowserUnavailableException(Messages.get("pool.closed"));
    }
    try {
      if (!permits.tryAcquire(settings.acquireTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new BrowserUnavailableException(Messages.get("pool.busy", settings.size(),
            settings.acquireTimeout().toSeconds()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrowserUnavailableException(Messages.get("pool.interrupted"), e);
    }
    try {
      BrowserSession session = takeHealthyOrStart();
      session.countJob();
      return new Lease(session);
    } catch (RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private BrowserSession takeHealthyOrStart() {
    while (true) {
      BrowserSession s;
      synchronized (idle) {
        s = idle.pollFirst();
      }
      if (s == null) {
        BrowserSession fresh = launcher.start();
        synchronized (idle) {
          started++;
        }
        return fresh;
      }
      if (s.healthy()) {
        return s;
      }
      LOG.warn("Browser failed its health check; replacing it");
      discard(s);
    }
  }

  /** Browsers started since the pool was created (replacements included). */
  public int started() {
    synchronized (idle) {
      return started;
    }
  }

  /** Browsers thrown away because they crashed, failed a health check or served enough jobs. */
  public int replaced() {
    synchronized (idle) {
      return replaced;
    }
  }

  private void discard(BrowserSession s) {
    synchronized (idle) {
      replaced++;
    }
    s.quit();
  }

  @Override
  public void close() {
    closed = true;
    synchronized (idle) {
      idle.forEach(BrowserSession::quit);
      idle.clear();
    }
  }

  /** One job's use of one browser; closing it gives the browser back to the pool. */
  public final class Lease implements AutoCloseable {
    private final BrowserSession session;
    private boolean broken;
    private boolean returned;

    private Lease(BrowserSession session) {
      this.session = session;
    }

    public BrowserSession session() {
      return session;
    }

    /** The browser crashed or is in an unknown state: replace it instead of reusing it. */
    public void markBroken() {
      broken = true;
    }

    /**
     * Whether the next job may find this host (a target system) still logged in, as its scenario
     * says; other hosts' cookies are cleared between jobs.
     */
    public void keepLogin(String host, boolean keep) {
      if (keep) {
        session.keptLogins().add(host);
      } else {
        session.keptLogins().remove(host);
      }
    }

    /** Kills this lease's browser processes as a crash would (for tests of crash handling). */
    void crashForTest() {
      session.killLeftovers();
    }

    @Override
    public void close() {
      if (returned) {
        return;
      }
      returned = true;
      try {
        // No health check here: a dead browser fails the reset below, and acquire checks anyway.
        if (broken || closed || session.jobs() >= settings.maxJobsPerSession()) {
          discard(session);
          return;
        }
        try {
          session.reset(session.keptLogins());
        } catch (RuntimeException e) {
          LOG.warn("Browser could not be reset; replacing it");
          discard(session);
          return;
        }
        synchronized (idle) {
          idle.addFirst(session);
        }
      } finally {
        permits.release();
      }
    }
  }

}
