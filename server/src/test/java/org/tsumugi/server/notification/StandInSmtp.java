package org.tsumugi.server.notification;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail server standing in for the hospital's: speaks enough SMTP for a client to deliver (EHLO, MAIL,
 * RCPT, DATA, QUIT) and keeps each message with its envelope recipients, parsed as MIME.
 */
final class StandInSmtp implements AutoCloseable {
  record Received(List<String> recipients, MimeMessage message) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final ServerSocket socket;
  private final Thread loop;

  StandInSmtp() throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    loop = new Thread(this::serve, "stand-in-smtp");
    loop.setDaemon(true);
    loop.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException e) {
        // closed, or a client gave up: wait for the next one
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
    reply(out, "220 stand-in ESMTP");
    List<String> recipients = new CopyOnWriteArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
      switch (command) {
        case "EHLO", "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 ok");
        case "RCPT" -> {
          recipients.add(line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1"));
          reply(out, "250 ok");
        }
        case "DATA" -> {
          reply(out, "354 end with .");
          StringBuilder data = new StringBuilder();
          while ((line = in.readLine()) != null && !line.equals(".")) {
            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
          }
          received.add(new Received(List.copyOf(recipients), parse(data.toString())));
          recipients.clear();
          reply(out, "250 queued");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "502 not implemented");
      }
    }
  }

  private static void reply(PrintWriter out, String text) {
    out.print(text + "\r\n");
    out.flush();
  }

  private static MimeMessage parse(String raw) throws IOException {
    try {
      return new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    } catch (jakarta.mail.MessagingException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
