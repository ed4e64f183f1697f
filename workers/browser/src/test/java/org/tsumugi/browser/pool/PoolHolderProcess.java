package org.tsumugi.browser.pool;

import java.nio.file.Path;

/**
 * A browser worker in a JVM of its own that leases one browser and then waits to be killed, so that
 * a test can leave orphaned browser processes the way a SIGKILLed worker does. Argument: the work root.
 */
public final class PoolHolderProcess {

  private PoolHolderProcess() {}

  public static void main(String[] args) throws Exception {
    BrowserPool pool = new BrowserPool(BrowserSettings.defaults().withWorkRoot(Path.of(args[0])));
    BrowserPool.Lease lease = pool.acquire();
    lease.session().driver().get("about:blank");
    System.out.println("READY");
    System.out.flush();
    // Hold the browser until killed; reading stdin blocks without a sleep loop.
    System.in.read();
    lease.close();
    pool.close();
  }
}
