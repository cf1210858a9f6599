package dev.candor.http.ws.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The Socket.IO library speaks org.json, with binary attachments as {@code byte[]} inside it; Candor speaks
 * Jackson, with binary as {@link com.fasterxml.jackson.databind.node.BinaryNode}. Both ways, nothing else changes.
 */
final class OrgJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OrgJson() {}

  static JsonNode toJackson(Object value) {
    if (value == null || value == JSONObject.NULL) {
      return NODES.nullNode();
    }
    if (value instanceof JSONObject object) {
      ObjectNode node = NODES.objectNode();
      for (Iterator<String> keys = object.keys(); keys.hasNext(); ) {
        String key = keys.next();
        node.set(key, toJackson(object.opt(key)));
      }
      return node;
    }
    if (value instanceof JSONArray array) {
      ArrayNode node = NODES.arrayNode();
      for (int i = 0; i < array.length(); i++) {
        node.add(toJackson(array.opt(i)));
      }
      return node;
    }
    if (value instanceof byte[] bytes) {
      return NODES.binaryNode(bytes);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer || value instanceof Long) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      return NODES.numberNode(number.doubleValue());
    }
    return NODES.textNode(value.toString());
  }

  static Object fromJackson(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return JSONObject.NULL;
    }
    if (node.isObject()) {
      JSONObject object = new JSONObject();
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        object.put(field.getKey(), fromJackson(field.getValue()));
      }
      return object;
    }
    if (node.isArray()) {
      JSONArray array = new JSONArray();
      node.forEach(item -> array.put(fromJackson(item)));
      return array;
    }
    if (node.isBinary()) {
      return ((com.fasterxml.jackson.databind.node.BinaryNode) node).binaryValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }
}
