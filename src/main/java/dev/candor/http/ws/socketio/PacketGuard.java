package dev.candor.http.ws.socketio;

import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Parser;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks at each Socket.IO packet of one Engine.IO connection before the library does. The library closes the
 * whole connection on a packet it cannot decode (and fails on an event with no name, or binary data nobody
 * announced); Candor drops such a packet and tells the client why, so the connection stays usable.
 */
final class PacketGuard {

  private static final char ENGINE_MESSAGE = '4';
  /** The decoder logs each packet it cannot read as a warning; here that is expected, and answered to the client. */
  private static final Logger DECODER_LOG = Logger.getLogger(IOParser.class.getName());

  static {
    DECODER_LOG.setLevel(Level.SEVERE);
  }

  private int attachmentsDue;

  /** @return null when the Engine.IO packet may go on to the library, else what is wrong with it */
  String checkText(String engineIoPacket) {
    if (engineIoPacket.isEmpty() || engineIoPacket.charAt(0) != ENGINE_MESSAGE) {
      return null;
    }
    String packet = engineIoPacket.substring(1);
    if (packet.isEmpty()) {
      return "an empty Socket.IO packet";
    }
    try {
      new IOParser.Decoder().add(packet);
      attachmentsDue = pendingAttachments(packet);
      return null;
    } catch (RuntimeException e) {
      attachmentsDue = 0;
      return "a Socket.IO packet that could not be decoded (" + (e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage()) + ")";
    }
  }

  /** A binary Engine.IO message: one attachment of the packet announced before it. */
  String checkBinary() {
    if (attachmentsDue == 0) {
      return "binary data that no packet announced (send it as an argument of an event)";
    }
    attachmentsDue--;
    return null;
  }

  private static int pendingAttachments(String packet) {
    int type = Character.getNumericValue(packet.charAt(0));
    if (type != Parser.BINARY_EVENT && type != Parser.BINARY_ACK) {
      return 0;
    }
    return Integer.parseInt(packet.substring(1, packet.indexOf('-')));
  }
}
