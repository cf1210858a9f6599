package dev.candor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket that can send several messages in one write, so that they reach the server
 * together, as a frontend's resends do when they pile up behind a slow reply (the JDK's client sends one message at
 * a time). It reads the server's unfragmented text messages; pings are skipped.
 */
public final class BurstWsClient implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int READ_TIMEOUT_MS = 15_000;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  public BurstWsClient(int port, String pathAndQuery) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(READ_TIMEOUT_MS);
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
        + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = readLine();
    assertTrue(status.startsWith("HTTP/1.1 101"), "the upgrade was refused: " + status);
    while (!readLine().isEmpty()) {
      // Headers: the status line is all this client needs.
    }
  }

  /** Every message as one masked text frame, all in a single write. */
  public void sendTogether(String... messages) throws IOException {
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    for (String message : messages) {
      byte[] payload = message.getBytes(StandardCharsets.UTF_8);
      frames.write(0x81);
      if (payload.length < 126) {
        frames.write(0x80 | payload.length);
      } else {
        assertTrue(payload.length < 65_536, "a test message under 64 KB");
        frames.write(0x80 | 126);
        frames.write(payload.length >>> 8);
        frames.write(payload.length & 0xff);
      }
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      frames.write(mask);
      for (int i = 0; i < payload.length; i++) {
        frames.write(payload[i] ^ mask[i % 4]);
      }
    }
    out.write(frames.toByteArray());
    out.flush();
  }

  /** The server's next text message, parsed; it must be of the given type. */
  public JsonNode next(String type) throws IOException {
    while (true) {
      int first = in.readUnsignedByte();
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[Math.toIntExact(length)];
      in.readFully(payload);
      int opcode = first & 0x0f;
      if (opcode == 0x9 || opcode == 0xA) {
        continue;
      }
      assertEquals(0x81, first, "an unfragmented text message");
      JsonNode message = MAPPER.readTree(payload);
      assertEquals(type, message.path("type").asText(), () -> "expected " + type + " but got " + message);
      return message;
    }
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new IOException("the server closed during the handshake");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
