package dev.camelextend.model;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The direct setter calls are the setters they are named after, and the model's properties all use one. */
class DirectSettersTest {

    private static final ObjectMapper MAPPER = ExtendJson.newObjectMapper();

    private static final List<Class<? extends ExtendObject>> LISTED = List.of(WorkflowRun.class, WorkflowSummary.class,
            WorkflowVersionSummary.class, CreatedBy.class, FileSummary.class, FileMetadata.class, ParentSplit.class,
            StepRun.class, WorkflowStep.class, RunUsage.class, UsageBreakdownEntry.class, UsageCharge.class);

    @Test
    void eachDirectCallDoesWhatItsReflectiveSetterDoes() throws Exception {
        int checked = 0;
        for (String key : DirectSetters.keys()) {
            Method setter = setterOf(key);
            assertTrue(Modifier.isPublic(setter.getModifiers()), key);
            Class<?> type = setter.getDeclaringClass();
            Object value = sample(setter.getParameterTypes()[0], key);

            Object direct = type.getConstructor().newInstance();
            DirectSetters.setter(key).set(direct, value);
            Object reflective = type.getConstructor().newInstance();
            setter.invoke(reflective, value);

            String written = MAPPER.writeValueAsString(direct);
            assertEquals(MAPPER.writeValueAsString(reflective), written, key);
            assertNotEquals(MAPPER.writeValueAsString(type.getConstructor().newInstance()), written,
                    key + " sets something that is written");
            checked++;
        }
        assertEquals(74, checked, "setters listed");
    }

    @Test
    void everySetterPropertyOfTheModelIsCalledDirectly() throws Exception {
        DefaultDeserializationContext ctxt = ((DefaultDeserializationContext) MAPPER.getDeserializationContext())
                .createDummyInstance(MAPPER.getDeserializationConfig());
        Set<String> reflective = new TreeSet<>();
        Set<String> direct = new LinkedHashSet<>();
        for (Class<?> type : LISTED) {
            JsonDeserializer<Object> deserializer = ctxt.findRootValueDeserializer(MAPPER.constructType(type));
            BeanDeserializerBase bean = assertInstanceOf(BeanDeserializerBase.class, deserializer, type.getName());
            for (Iterator<SettableBeanProperty> it = bean.properties(); it.hasNext();) {
                SettableBeanProperty property = it.next();
                String name = type.getSimpleName() + "." + property.getName();
                if (property instanceof DirectSetters.DirectProperty) {
                    direct.add(name);
                } else if (!property.getName().equals("additionalProperties")) {
                    // (a key named additionalProperties is set into ExtendObject's field, as it always was)
                    reflective.add(name + " (" + property.getClass().getSimpleName() + ")");
                }
            }
        }
        assertEquals(Set.of(), reflective, "set by reflection, slower: add their setters to DirectSetters");
        assertEquals(74, direct.size(), direct.toString());
    }

    @Test
    void aSubclassesOwnSetterStaysReflectiveAndIsStillCalled() throws Exception {
        Renamed run = MAPPER.readValue("{\"id\":\"workflow_run_1\",\"batchId\":\"b\"}", Renamed.class);
        assertEquals("id:workflow_run_1", run.getId());
        assertEquals("b", run.getBatchId());
    }

    /** A user's subclass overriding one setter: the override is what runs, as with reflection. */
    public static class Renamed extends WorkflowRun {
        private static final long serialVersionUID = 1L;

        @Override
        public void setId(String id) {
            super.setId("id:" + id);
        }
    }

    /** The setter a key {@code declaringClass#setterName(parameterType)} names. */
    private static Method setterOf(String key) throws Exception {
        String className = key.substring(0, key.indexOf('#'));
        String name = key.substring(key.indexOf('#') + 1, key.indexOf('('));
        String parameter = key.substring(key.indexOf('(') + 1, key.length() - 1);
        Class<?> type = Class.forName(className);
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1
                && method.getParameterTypes()[0].getName().equals(parameter)) {
                return method;
            }
        }
        throw new AssertionError("no setter " + key);
    }

    /** A value of a setter's type that is written, and differs from key to key. */
    private static Object sample(Class<?> type, String key) throws Exception {
        if (type == String.class) {
            return "value of " + key;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == Integer.class) {
            return key.hashCode();
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(key.hashCode()).movePointLeft(2);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse("2025-04-28T17:01:39.285+02:00").plusSeconds(key.hashCode());
        }
        if (type == Map.class) {
            return Map.of("key", key);
        }
        if (type == List.class) {
            List<Object> list = new ArrayList<>();
            list.add(key.hashCode());
            return list;
        }
        if (type == com.fasterxml.jackson.databind.JsonNode.class) {
            return TextNode.valueOf(key);
        }
        assertTrue(ExtendObject.class.isAssignableFrom(type), key + ": " + type);
        ExtendObject object = (ExtendObject) type.getConstructor().newInstance();
        object.setAdditionalProperty("from", key);
        assertNotNull(object);
        return object;
    }
}
