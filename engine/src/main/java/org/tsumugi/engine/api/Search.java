package org.tsumugi.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.engine.processing.Rejection;

/**
 * A search over one table in the API's query language: a filter object whose fields are plain
 * values or operators ($eq, $neq, $in, $exists, $like, $gt, $gte, $lt, $lte), a sort list and a
 * page (from/limit, or the cursors this class hands out).
 */
final class Search {
  enum Type { KEY, STRING, INT, DATE, BOOLEAN }

  /**
   * A filterable, sortable field: its column (or SQL expression) and how its values look. A member
   * field has several values per item (a task's candidate groups): it is an EXISTS subquery whose
   * {@code {}} takes the comparison, and it can be filtered by but not sorted by.
   */
  record Field(String column, Type type, String members) {
    Field(String column, Type type) {
      this(column, type, null);
    }

    static Field members(String subquery) {
      return new Field(null, Type.STRING, subquery);
    }

    /** SQL that holds when the value (for a member field: one of the values) compares true. */
    String holds(String comparison) {
      return members == null ? column + " " + comparison : "EXISTS (" + members.replace("{}", comparison) + ")";
    }

    /** SQL that holds when the value (for a member field: none of the values) compares true. */
    String holdsForNone(String comparison) {
      return "NOT " + (members == null ? "(" + holds(comparison) + ")" : holds(comparison));
    }
  }

  interface Row {
    Map<String, Object> map(ResultSet rs) throws SQLException;
  }

  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 10_000;

  private final String noun;
  private final String keyField;
  private final String from;
  private final Map<String, Field> fields;
  private final String defaultOrder;
  private final String select;
  private final Row row;

  /**
   * @param noun what one item is called in messages ("incident")
   * @param keyField the filter field that holds an item's key; the first column of the default order
   */
  Search(String noun, String keyField, String select, String from, Map<String, Field> fields, Row row) {
    this.noun = noun;
    this.keyField = keyField;
    this.select = select;
    this.from = from;
    this.fields = fields;
    this.defaultOrder = fields.get(keyField).column();
    this.row = row;
  }

  /** One item by its key, through the same query that lists them. */
  @SuppressWarnings("unchecked")
  Map<String, Object> single(JdbcTemplate jdbc, String key) {
    long parsed = Keys.parse(key, keyField);
    ObjectNode query = JsonNodeFactory.instance.objectNode();
    query.putObject("filter").put(keyField, Long.toString(parsed));
    List<Map<String, Object>> items = (List<Map<String, Object>>) run(jdbc, query).get("items");
    if (items.isEmpty()) {
      throw Rejection.notFound("no " + noun + " found with key " + parsed);
    }
    return items.get(0);
  }

  Map<String, Object> run(JdbcTemplate jdbc, JsonNode query) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    JsonNode filter = query == null ? null : query.get("filter");
    if (filter != null && !filter.isNull()) {
      if (!filter.isObject()) {
        throw Rejection.invalidArgument("filter must be a JSON object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        JsonNode value = entry.getValue();
        if (value.isNull() || (value.isArray() && value.isEmpty()) || entry.getKey().equals("tenantId")) {
          continue; // the client sends empty lists for unused filters; there is one tenant only: "<default>"
        }
        Field field = fields.get(entry.getKey());
        if (field == null) {
          throw Rejection.invalidArgument("filtering by '" + entry.getKey() + "' is not supported; supported: "
              + String.join(", ", fields.keySet()));
        }
        condition(where, args, entry.getKey(), field, entry.getValue());
      }
    }
    long total = jdbc.queryForObject("SELECT COUNT(*) FROM " + from + where, Long.class, args.toArray());
    int offset = 0;
    int limit = DEFAULT_LIMIT;
    JsonNode page = query == null ? null : query.get("page");
    if (page != null && page.isObject()) {
      if (page.hasNonNull("limit")) {
        limit = page.get("limit").asInt();
        if (limit < 1 || limit > MAX_LIMIT) {
          throw Rejection.invalidArgument("page.limit must be between 1 and " + MAX_LIMIT + ", but was " + limit);
        }
      }
      if (page.hasNonNull("from")) {
        offset = Math.max(0, page.get("from").asInt());
      }
      if (page.hasNonNull("after")) {
        offset = cursor(page.get("after").asText()) + 1;
      } else if (page.hasNonNull("before")) {
        offset = Math.max(0, cursor(page.get("before").asText()) - limit);
      }
    }
    String sql = "SELECT " + select + " FROM " + from + where + " ORDER BY " + order(query)
        + " LIMIT " + limit + " OFFSET " + offset;
    List<Map<String, Object>> items = jdbc.query(sql, (rs, n) -> row.map(rs), args.toArray());
    Map<String, Object> pageResult = new LinkedHashMap<>();
    pageResult.put("totalItems", total);
    pageResult.put("hasMoreTotalItems", false);
    pageResult.put("startCursor", items.isEmpty() ? null : Integer.toString(offset));
    pageResult.put("endCursor", items.isEmpty() ? null : Integer.toString(offset + items.size() - 1));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("items", items);
    result.put("page", pageResult);
    return result;
  }

  private static int cursor(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw Rejection.invalidArgument("page cursor '" + text + "' is not one this server handed out");
    }
  }

  private String order(JsonNode query) {
    JsonNode sort = query == null ? null : query.get("sort");
    if (sort == null || !sort.isArray() || sort.isEmpty()) {
      return defaultOrder;
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode item : sort) {
      String name = item.path("field").asText();
      Field field = fields.get(name);
      if (field == null || field.members() != null) {
        throw Rejection.invalidArgument("sorting by '" + name + "' is not supported");
      }
      String order = item.path("order").asText("ASC").equalsIgnoreCase("DESC") ? " DESC" : " ASC";
      parts.add(field.column() + order);
    }
    parts.add(defaultOrder);
    return String.join(", ", parts);
  }

  private void condition(StringBuilder where, List<Object> args, String name, Field field, JsonNode value) {
    if (!value.isObject()) {
      append(where, args, field.holds("= ?"), convert(name, field, value));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> operator = it.next();
      JsonNode operand = operator.getValue();
      switch (operator.getKey()) {
        case "$eq" -> append(where, args, field.holds("= ?"), convert(name, field, operand));
        case "$neq" -> append(where, args, field.holdsForNone("= ?"), convert(name, field, operand));
        case "$gt" -> append(where, args, field.holds("> ?"), convert(name, field, operand));
        case "$gte" -> append(where, args, field.holds(">= ?"), convert(name, field, operand));
        case "$lt" -> append(where, args, field.holds("< ?"), convert(name, field, operand));
        case "$lte" -> append(where, args, field.holds("<= ?"), convert(name, field, operand));
        case "$exists" -> where.append(" AND ").append(operand.asBoolean() ? field.holds("IS NOT NULL")
            : field.holdsForNone("IS NOT NULL"));
        case "$like" -> append(where, args, field.holds("LIKE ?"),
            operand.asText().replace('*', '%').replace('?', '_'));
        case "$in", "$notIn" -> {
          if (!operand.isArray()) {
            throw Rejection.invalidArgument("filter '" + name + "': " + operator.getKey() + " needs an array");
          }
          if (operand.isEmpty()) {
            continue; // the official client sends empty lists for operators it does not use
          }
          List<String> marks = new ArrayList<>();
          for (JsonNode item : operand) {
            marks.add("?");
            args.add(convert(name, field, item));
          }
          String in = "IN (" + String.join(",", marks) + ")";
          where.append(" AND ").append(operator.getKey().equals("$in") ? field.holds(in) : field.holdsForNone(in));
        }
        default -> throw Rejection.invalidArgument("filter '" + name + "': unknown operator " + operator.getKey());
      }
    }
  }

  private static void append(StringBuilder where, List<Object> args, String clause, Object arg) {
    where.append(" AND ").append(clause);
    args.add(arg);
  }

  private static Object convert(String name, Field field, JsonNode value) {
    try {
      return switch (field.type()) {
        case KEY -> Long.parseLong(value.asText());
        case INT -> Integer.parseInt(value.asText());
        case DATE -> Instant.parse(value.asText()).toEpochMilli();
        case BOOLEAN -> value.asBoolean();
        case STRING -> value.asText();
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw Rejection.invalidArgument("filter '" + name + "' has the value '" + value.asText()
          + "', which is not a valid " + field.type().name().toLowerCase());
    }
  }

  static String date(long millis) {
    return millis == 0 ? null : Instant.ofEpochMilli(millis).toString();
  }

  static String key(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() || value == 0 ? null : Long.toString(value);
  }
}
