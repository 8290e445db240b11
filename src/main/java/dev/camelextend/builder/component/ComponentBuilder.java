package dev.camelextend.builder.component;

import org.apache.camel.Component;

/**
 * Camel's {@link org.apache.camel.builder.component.ComponentBuilder} under this project's package. Camel's
 * Component DSL template imports {@code ComponentBuilder} from the package it writes the aggregate
 * {@code ComponentsBuilderFactory} into; that package is ours ({@code dev.camelextend.builder.component}, so nothing
 * of this jar lands in camel-componentdsl's package), and this interface is what the import finds. Every builder is
 * still a Camel {@code ComponentBuilder}.
 *
 * @param <C> the component the builder builds
 */
public interface ComponentBuilder<C extends Component> extends org.apache.camel.builder.component.ComponentBuilder<C> {
}
