package dev.uip.schemas.serde;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;

/**
 * Avro models that create generated records through the generated class's own loader. Avro's shared model finds
 * classes through the loader Avro sits in, which in Quarkus tests is not the application's, and a record made by the
 * wrong loader cannot be cast to the application's class.
 */
public final class SpecificModels {

    private SpecificModels() {
    }

    /** A model resolving classes through {@code type}'s loader, with the logical types our schemas use. */
    public static SpecificData forClass(Class<?> type) {
        SpecificData model = new SpecificData(type.getClassLoader());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        return model;
    }
}
