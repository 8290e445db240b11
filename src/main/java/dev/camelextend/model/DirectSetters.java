package dev.camelextend.model;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.impl.MethodProperty;
import com.fasterxml.jackson.databind.deser.impl.NullsConstantProvider;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Plain calls of the model's setters for {@link ExtendJson}'s mapper, in place of Jackson's reflective
 * {@code Method.invoke} (a tenth of the time of mapping a run, and an argument array per value).
 * <p>
 * A property is called directly only when Jackson itself chose the setter named here, on the class named here, for the
 * type named here; any other property (of a class or setter not listed, of a subclass's own setter, one with a
 * {@code @JsonSetter} elsewhere) stays a reflective one. What is read, the null and coercion rules and the errors are
 * Jackson's: only the last step, handing the value to the setter, differs.
 * <p>
 * Not public: the mapper is given the module, so nothing finds it by reflection (native images included).
 */
final class DirectSetters {

    /** Calls one setter of a model object. */
    @FunctionalInterface
    interface Setter {
        void set(Object bean, Object value);
    }

    /** By {@code declaringClass#setterName(parameterType)}. */
    private static final Map<String, Setter> SETTERS = new HashMap<>();

    static {
        // WorkflowRun
        add(WorkflowRun.class, "setObject", String.class, (b, v) -> ((WorkflowRun) b).setObject((String) v));
        add(WorkflowRun.class, "setId", String.class, (b, v) -> ((WorkflowRun) b).setId((String) v));
        add(WorkflowRun.class, "setWorkflow", WorkflowSummary.class,
                (b, v) -> ((WorkflowRun) b).setWorkflow((WorkflowSummary) v));
        add(WorkflowRun.class, "setWorkflowVersion", WorkflowVersionSummary.class,
                (b, v) -> ((WorkflowRun) b).setWorkflowVersion((WorkflowVersionSummary) v));
        add(WorkflowRun.class, "setDashboardUrl", String.class,
                (b, v) -> ((WorkflowRun) b).setDashboardUrl((String) v));
        add(WorkflowRun.class, "setRawStatus", String.class, (b, v) -> ((WorkflowRun) b).setRawStatus((String) v));
        add(WorkflowRun.class, "setMetadata", Map.class, (b, v) -> ((WorkflowRun) b).setMetadata(cast(v)));
        add(WorkflowRun.class, "setBatchId", String.class, (b, v) -> ((WorkflowRun) b).setBatchId((String) v));
        add(WorkflowRun.class, "setFiles", List.class, (b, v) -> ((WorkflowRun) b).setFiles(cast(v)));
        add(WorkflowRun.class, "setFailureReason", String.class,
                (b, v) -> ((WorkflowRun) b).setFailureReason((String) v));
        add(WorkflowRun.class, "setFailureMessage", String.class,
                (b, v) -> ((WorkflowRun) b).setFailureMessage((String) v));
        add(WorkflowRun.class, "setInitialRunAt", OffsetDateTime.class,
                (b, v) -> ((WorkflowRun) b).setInitialRunAt((OffsetDateTime) v));
        add(WorkflowRun.class, "setReviewedByUser", String.class,
                (b, v) -> ((WorkflowRun) b).setReviewedByUser((String) v));
        add(WorkflowRun.class, "setReviewed", boolean.class, (b, v) -> ((WorkflowRun) b).setReviewed((Boolean) v));
        add(WorkflowRun.class, "setRejectionNote", String.class,
                (b, v) -> ((WorkflowRun) b).setRejectionNote((String) v));
        add(WorkflowRun.class, "setReviewedAt", OffsetDateTime.class,
                (b, v) -> ((WorkflowRun) b).setReviewedAt((OffsetDateTime) v));
        add(WorkflowRun.class, "setStartTime", OffsetDateTime.class,
                (b, v) -> ((WorkflowRun) b).setStartTime((OffsetDateTime) v));
        add(WorkflowRun.class, "setEndTime", OffsetDateTime.class,
                (b, v) -> ((WorkflowRun) b).setEndTime((OffsetDateTime) v));
        add(WorkflowRun.class, "setStepRuns", List.class, (b, v) -> ((WorkflowRun) b).setStepRuns(cast(v)));
        add(WorkflowRun.class, "setUsage", RunUsage.class, (b, v) -> ((WorkflowRun) b).setUsage((RunUsage) v));
        // WorkflowSummary
        add(WorkflowSummary.class, "setObject", String.class, (b, v) -> ((WorkflowSummary) b).setObject((String) v));
        add(WorkflowSummary.class, "setId", String.class, (b, v) -> ((WorkflowSummary) b).setId((String) v));
        add(WorkflowSummary.class, "setName", String.class, (b, v) -> ((WorkflowSummary) b).setName((String) v));
        add(WorkflowSummary.class, "setCreatedAt", OffsetDateTime.class,
                (b, v) -> ((WorkflowSummary) b).setCreatedAt((OffsetDateTime) v));
        add(WorkflowSummary.class, "setUpdatedAt", OffsetDateTime.class,
                (b, v) -> ((WorkflowSummary) b).setUpdatedAt((OffsetDateTime) v));
        add(WorkflowSummary.class, "setCreatedBy", CreatedBy.class,
                (b, v) -> ((WorkflowSummary) b).setCreatedBy((CreatedBy) v));
        // WorkflowVersionSummary
        add(WorkflowVersionSummary.class, "setObject", String.class,
                (b, v) -> ((WorkflowVersionSummary) b).setObject((String) v));
        add(WorkflowVersionSummary.class, "setId", String.class,
                (b, v) -> ((WorkflowVersionSummary) b).setId((String) v));
        add(WorkflowVersionSummary.class, "setVersion", String.class,
                (b, v) -> ((WorkflowVersionSummary) b).setVersion((String) v));
        add(WorkflowVersionSummary.class, "setName", String.class,
                (b, v) -> ((WorkflowVersionSummary) b).setName((String) v));
        add(WorkflowVersionSummary.class, "setCreatedAt", OffsetDateTime.class,
                (b, v) -> ((WorkflowVersionSummary) b).setCreatedAt((OffsetDateTime) v));
        add(WorkflowVersionSummary.class, "setCreatedBy", CreatedBy.class,
                (b, v) -> ((WorkflowVersionSummary) b).setCreatedBy((CreatedBy) v));
        // CreatedBy
        add(CreatedBy.class, "setType", String.class, (b, v) -> ((CreatedBy) b).setType((String) v));
        add(CreatedBy.class, "setEmail", String.class, (b, v) -> ((CreatedBy) b).setEmail((String) v));
        add(CreatedBy.class, "setName", String.class, (b, v) -> ((CreatedBy) b).setName((String) v));
        // FileSummary
        add(FileSummary.class, "setObject", String.class, (b, v) -> ((FileSummary) b).setObject((String) v));
        add(FileSummary.class, "setId", String.class, (b, v) -> ((FileSummary) b).setId((String) v));
        add(FileSummary.class, "setName", String.class, (b, v) -> ((FileSummary) b).setName((String) v));
        add(FileSummary.class, "setType", String.class, (b, v) -> ((FileSummary) b).setType((String) v));
        add(FileSummary.class, "setParentFileId", String.class,
                (b, v) -> ((FileSummary) b).setParentFileId((String) v));
        add(FileSummary.class, "setMetadata", FileMetadata.class,
                (b, v) -> ((FileSummary) b).setMetadata((FileMetadata) v));
        add(FileSummary.class, "setCreatedAt", OffsetDateTime.class,
                (b, v) -> ((FileSummary) b).setCreatedAt((OffsetDateTime) v));
        add(FileSummary.class, "setUpdatedAt", OffsetDateTime.class,
                (b, v) -> ((FileSummary) b).setUpdatedAt((OffsetDateTime) v));
        // FileMetadata, ParentSplit
        add(FileMetadata.class, "setPageCount", Integer.class,
                (b, v) -> ((FileMetadata) b).setPageCount((Integer) v));
        add(FileMetadata.class, "setParentSplit", ParentSplit.class,
                (b, v) -> ((FileMetadata) b).setParentSplit((ParentSplit) v));
        add(ParentSplit.class, "setId", String.class, (b, v) -> ((ParentSplit) b).setId((String) v));
        add(ParentSplit.class, "setType", String.class, (b, v) -> ((ParentSplit) b).setType((String) v));
        add(ParentSplit.class, "setIdentifier", String.class, (b, v) -> ((ParentSplit) b).setIdentifier((String) v));
        add(ParentSplit.class, "setStartPage", Integer.class, (b, v) -> ((ParentSplit) b).setStartPage((Integer) v));
        add(ParentSplit.class, "setEndPage", Integer.class, (b, v) -> ((ParentSplit) b).setEndPage((Integer) v));
        // StepRun, WorkflowStep
        add(StepRun.class, "setObject", String.class, (b, v) -> ((StepRun) b).setObject((String) v));
        add(StepRun.class, "setId", String.class, (b, v) -> ((StepRun) b).setId((String) v));
        add(StepRun.class, "setWorkflowRunId", String.class, (b, v) -> ((StepRun) b).setWorkflowRunId((String) v));
        add(StepRun.class, "setRawStatus", String.class, (b, v) -> ((StepRun) b).setRawStatus((String) v));
        add(StepRun.class, "setStepType", String.class, (b, v) -> ((StepRun) b).setStepType((String) v));
        add(StepRun.class, "setFiles", List.class, (b, v) -> ((StepRun) b).setFiles(cast(v)));
        add(StepRun.class, "setStep", WorkflowStep.class, (b, v) -> ((StepRun) b).setStep((WorkflowStep) v));
        add(StepRun.class, "setResult", JsonNode.class, (b, v) -> ((StepRun) b).setResult((JsonNode) v));
        add(WorkflowStep.class, "setObject", String.class, (b, v) -> ((WorkflowStep) b).setObject((String) v));
        add(WorkflowStep.class, "setId", String.class, (b, v) -> ((WorkflowStep) b).setId((String) v));
        add(WorkflowStep.class, "setName", String.class, (b, v) -> ((WorkflowStep) b).setName((String) v));
        add(WorkflowStep.class, "setType", String.class, (b, v) -> ((WorkflowStep) b).setType((String) v));
        // RunUsage, UsageBreakdownEntry, UsageCharge
        add(RunUsage.class, "setCredits", BigDecimal.class, (b, v) -> ((RunUsage) b).setCredits((BigDecimal) v));
        add(RunUsage.class, "setTotalCredits", BigDecimal.class,
                (b, v) -> ((RunUsage) b).setTotalCredits((BigDecimal) v));
        add(RunUsage.class, "setBreakdown", List.class, (b, v) -> ((RunUsage) b).setBreakdown(cast(v)));
        add(UsageBreakdownEntry.class, "setObject", String.class,
                (b, v) -> ((UsageBreakdownEntry) b).setObject((String) v));
        add(UsageBreakdownEntry.class, "setId", String.class, (b, v) -> ((UsageBreakdownEntry) b).setId((String) v));
        add(UsageBreakdownEntry.class, "setCredits", BigDecimal.class,
                (b, v) -> ((UsageBreakdownEntry) b).setCredits((BigDecimal) v));
        add(UsageBreakdownEntry.class, "setCharges", List.class,
                (b, v) -> ((UsageBreakdownEntry) b).setCharges(cast(v)));
        add(UsageCharge.class, "setProduct", String.class, (b, v) -> ((UsageCharge) b).setProduct((String) v));
        add(UsageCharge.class, "setUnit", String.class, (b, v) -> ((UsageCharge) b).setUnit((String) v));
        add(UsageCharge.class, "setQuantity", BigDecimal.class,
                (b, v) -> ((UsageCharge) b).setQuantity((BigDecimal) v));
        add(UsageCharge.class, "setCredits", BigDecimal.class,
                (b, v) -> ((UsageCharge) b).setCredits((BigDecimal) v));
        add(UsageCharge.class, "setPages", List.class, (b, v) -> ((UsageCharge) b).setPages(cast(v)));
    }

    private DirectSetters() {
    }

    private static void add(Class<?> declaringClass, String setter, Class<?> parameterType, Setter call) {
        SETTERS.put(key(declaringClass, setter, parameterType), call);
    }

    private static String key(Class<?> declaringClass, String setter, Class<?> parameterType) {
        return declaringClass.getName() + '#' + setter + '(' + parameterType.getName() + ')';
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** The keys of the setters called directly, {@code declaringClass#setterName(parameterType)}: for tests. */
    static Iterable<String> keys() {
        return SETTERS.keySet();
    }

    /** The direct call of a setter, by its key; {@code null} when there is none. */
    static Setter setter(String key) {
        return SETTERS.get(key);
    }

    /** The direct call for what Jackson chose to set a property with, or {@code null}. */
    static Setter setterFor(SettableBeanProperty property) {
        if (!(property instanceof MethodProperty)) {
            return null;
        }
        AnnotatedMember member = property.getMember();
        if (!(member instanceof AnnotatedMethod method) || method.getParameterCount() != 1) {
            return null;
        }
        return SETTERS.get(key(method.getDeclaringClass(), method.getName(), method.getRawParameterType(0)));
    }

    /** The module that makes the model's listed setter properties direct ones. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("camel-extend-direct-setters");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                for (Iterator<SettableBeanProperty> properties = builder.getProperties(); properties.hasNext();) {
                    SettableBeanProperty property = properties.next();
                    Setter setter = setterFor(property);
                    if (setter != null) {
                        builder.addOrReplaceProperty(new DirectProperty(property, setter), true);
                    }
                }
                return builder;
            }
        });
        return module;
    }

    /**
     * A setter property that hands the value to its setter by a plain call: the rest, {@code MethodProperty}'s
     * {@code deserializeAndSet} as it is.
     */
    static final class DirectProperty extends SettableBeanProperty.Delegating {

        private static final long serialVersionUID = 1L;

        private final transient Setter setter;
        private final boolean skipNulls;

        DirectProperty(SettableBeanProperty reflective, Setter setter) {
            super(reflective);
            this.setter = setter;
            this.skipNulls = NullsConstantProvider.isSkipper(_nullProvider);
        }

        @Override
        protected SettableBeanProperty withDelegate(SettableBeanProperty delegate) {
            return new DirectProperty(delegate, setter);
        }

        @Override
        public void deserializeAndSet(JsonParser p, DeserializationContext ctxt, Object instance) throws IOException {
            Object value;
            if (p.hasToken(JsonToken.VALUE_NULL)) {
                if (skipNulls) {
                    return;
                }
                value = _nullProvider.getNullValue(ctxt);
            } else if (_valueTypeDeserializer == null) {
                value = _valueDeserializer.deserialize(p, ctxt);
                if (value == null) {
                    if (skipNulls) {
                        return;
                    }
                    value = _nullProvider.getNullValue(ctxt);
                }
            } else {
                value = _valueDeserializer.deserializeWithType(p, ctxt, _valueTypeDeserializer);
            }
            try {
                setter.set(instance, value);
            } catch (Exception e) {
                _throwAsIOE(p, e, value);
            }
        }
    }
}
