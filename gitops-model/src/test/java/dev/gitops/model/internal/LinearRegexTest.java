package dev.gitops.model.internal;

import com.networknt.schema.regex.RegularExpression;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinearRegexTest {

    @Test
    void schemaFactory_repeatedShortAndLongInputs_answersAsThePatternItself() {
        String pattern = "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|m)?$";
        RegularExpression remembered = LinearRegex.SCHEMA_FACTORY.getRegularExpression(pattern);
        List<String> inputs = new ArrayList<>(List.of("256Mi", "1.5Gi", "100m", "abc", "", "12x", "-.5Ki"));
        inputs.add("9".repeat(300));          // longer than what is remembered
        inputs.add("9".repeat(300) + "x");
        for (int i = 0; i < 2000; i++) {      // more distinct inputs than are remembered
            inputs.add(i + (i % 3 == 0 ? "Mi" : i % 3 == 1 ? "q" : ""));
        }
        for (int round = 0; round < 3; round++) {
            for (String s : inputs) {
                assertEquals(LinearRegex.compile(pattern).matcher(s).find(), remembered.matches(s), s);
            }
        }
    }
}
