package dev.candor.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads typed fields out of a JSON object, with messages that name the field and what was expected. */
public final class Fields {

  private final JsonNode node;

  private Fields(JsonNode node) {
    this.node = node;
  }

  public static Fields of(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new BadRequest(where + " must be a JSON object");
    }
    return new Fields(node);
  }

  public boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  public String requiredText(String field) {
    String value = optionalText(field);
    if (value == null || value.isBlank()) {
      throw new BadRequest(field + " is required");
    }
    return value;
  }

  public String optionalText(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (!value.isTextual()) {
      throw new BadRequest(field + " must be a string");
    }
    return value.asText();
  }

  public String text(String field, String fallback) {
    String value = optionalText(field);
    return value == null ? fallback : value;
  }

  public Double optionalNumber(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (!value.isNumber()) {
      throw new BadRequest(field + " must be a number");
    }
    return value.asDouble();
  }

  public Boolean optionalBoolean(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      throw new BadRequest(field + " must be true or false");
    }
    return value.asBoolean();
  }

  public List<String> textList(String field) {
    if (!has(field)) {
      return List.of();
    }
    JsonNode value = node.get(field);
    if (!value.isArray()) {
      throw new BadRequest(field + " must be an array of strings");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new BadRequest(field + " must be an array of strings");
      }
      if (!item.asText().isBlank()) {
        items.add(item.asText().trim());
      }
    }
    return items;
  }

  public Fields object(String field) {
    if (!has(field)) {
      return null;
    }
    return of(node.get(field), field);
  }

  public JsonNode raw(String field) {
    return node.get(field);
  }

}
