package dev.camelextend.builder.component;

import org.apache.camel.Component;

/**
 * Camel's {@link org.apache.camel.builder.component.AbstractComponentBuilder} under this project's package, for the
 * same reason as {@link ComponentBuilder}: the generated {@code ExtendComponentBuilderFactory} imports it from here.
 * It adds nothing; building, binding the options and registering are Camel's.
 *
 * @param <C> the component the builder builds
 */
public abstract class AbstractComponentBuilder<C extends Component>
        extends org.apache.camel.builder.component.AbstractComponentBuilder<C> {
}
