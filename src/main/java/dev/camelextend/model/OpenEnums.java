package dev.camelextend.model;

/**
 * The lookup of Extend's open enums (run, step-run and processor-run statuses): the documented name, case-sensitive,
 * or the enum's {@code UNKNOWN} for any other text and for none - so a status Extend adds later is readable as text
 * and never fails a mapping.
 */
final class OpenEnums {

    private OpenEnums() {
    }

    static <E extends Enum<E>> E fromValue(E[] values, E unknown, String value) {
        if (value != null) {
            for (E e : values) {
                if (e != unknown && e.name().equals(value)) {
                    return e;
                }
            }
        }
        return unknown;
    }
}
