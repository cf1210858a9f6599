package dev.candor.session;

/**
 * Marker for everything that may cross the wire or reach the journal: commands, replies, events, state
 * and notifications. application.conf binds it to Jackson CBOR; Java serialization is off.
 */
public interface CborSerializable {}
