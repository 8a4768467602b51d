package org.partnernetz.graph;

import java.util.List;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Entity;

/** Null-tolerant reads of node and relationship properties, for the records that map them. */
public final class Props {

    private Props() {
    }

    public static String text(Entity entity, String key) {
        return entity.get(key).asString(null);
    }

    public static Double number(Entity entity, String key) {
        Value value = entity.get(key);
        return value.isNull() ? null : value.asDouble();
    }

    public static boolean flag(Entity entity, String key) {
        return entity.get(key).asBoolean(false);
    }

    public static List<String> texts(Entity entity, String key) {
        Value value = entity.get(key);
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }
}
