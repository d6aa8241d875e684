package dev.uip.definition.domain.inference;

import static dev.uip.definition.domain.inference.Fixtures.inferEvent;
import static dev.uip.definition.domain.inference.Fixtures.list;
import static dev.uip.definition.domain.inference.Fixtures.noteAt;
import static dev.uip.definition.domain.inference.Fixtures.only;
import static dev.uip.definition.domain.inference.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.uip.definition.domain.DefinitionRules;
import dev.uip.definition.domain.DefinitionSpec;
import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.definition.domain.PropertySpec;
import dev.uip.definition.domain.PropertyType;

/** A proposal is a definition the registry accepts, or its notes say what the registry would refuse. */
class ProposalValidityTest {

    @Test
    void aProposalWithoutConflictsIsADefinitionTheRulesAccept() {
        InferenceResult result = inferEvent("""
                {"amount": 10, "at": "2024-05-01T10:00:00Z", "ok": true,
                 "cart": {"lines": [{"sku": "a", "qty": 1}], "coupon": "X"}, "tags": ["a"], "grid": [[1]]}""", """
                {"amount": 2.5, "at": "2024-05-02T10:00:00Z", "ok": false,
                 "cart": {"lines": [{"sku": "b"}]}, "tags": [], "grid": [[2, 3]]}""");
        DefinitionSpec spec = only(result).spec();

        assertDoesNotThrow(() -> DefinitionRules.check(spec));
        assertEquals("E", spec.name());
        assertEquals(List.of(PropertyType.NUMBER, PropertyType.DATETIME, PropertyType.BOOLEAN, PropertyType.OBJECT,
                PropertyType.ARRAY, PropertyType.ARRAY), spec.properties().stream().map(PropertySpec::type).toList());
        PropertySpec cart = spec.properties().get(3);
        assertTrue(cart.required());
        PropertySpec lines = cart.properties().get(0);
        assertEquals(PropertyType.OBJECT, lines.items().type());
        assertEquals(List.of(true, false), lines.items().properties().stream().map(PropertySpec::required).toList());
        assertEquals(PropertyType.INTEGER, spec.properties().get(5).items().items().type());
        assertNull(spec.properties().get(0).allowedValues(), "samples never invent constraints");
    }

    @Test
    void aPropertyNameTheModelRefusesMustBeRenamed() {
        ProposedDefinition proposal = only(inferEvent("""
                {"order-id": "o-1", "user": {"first name": "Ada", "id": 1}, "items": [{"2fa": true}]}"""));
        assertTrue(noteAt(proposal, "properties.order-id").message().startsWith("'order-id' must be renamed"));
        assertTrue(noteAt(proposal, "properties.user.first name").message().contains("must be renamed"));
        assertTrue(noteAt(proposal, "properties.items[].2fa").message().contains("must be renamed"));
        assertEquals(3, proposal.notes().size(), "valid names get no note: " + proposal.notes());
        // The property is still proposed under its name: the sender has to change too, not only the definition.
        assertEquals("order-id", proposal.properties().get(0).name());
        assertEquals("properties[0].name", refusedAt(proposal));
    }

    @Test
    void anObjectThatWasAlwaysEmptyIsFlagged() {
        ProposedDefinition proposal = only(inferEvent("{\"meta\": {}}", "{\"meta\": {}}"));
        assertTrue(noteAt(proposal, "properties.meta").message().contains("needs at least one property"));
        assertEquals("properties[0].properties", refusedAt(proposal));
    }

    @Test
    void anEventNameThatCannotNameADefinitionIsFlagged() {
        ProposedDefinition proposal = only(new SchemaInference().infer(list(track("Page/Viewed", "{\"a\": 1}"))));
        assertTrue(noteAt(proposal, "name").message().contains("rename the event"));
        assertEquals("name", refusedAt(proposal));
    }

    @Test
    void unknownAndConflictingTypesAreRefusedWhereTheyAre() {
        InferenceResult conflict = inferEvent("{\"rows\": 1}", "{\"rows\": \"1\"}");
        assertEquals("properties[0].type", refusedAt(only(conflict)));
        ProposedDefinition onlyNulls = only(inferEvent("{\"a\": \"x\", \"b\": null}"));
        assertTrue(noteAt(onlyNulls, "properties.b").message().contains("choose one"));
        assertEquals("properties[1].type", refusedAt(onlyNulls));
        ProposedDefinition emptyArray = only(inferEvent("{\"tags\": []}"));
        assertTrue(noteAt(emptyArray, "properties.tags").message().contains("choose one"));
        assertEquals("properties[0].items", refusedAt(emptyArray));
    }

    @Test
    void containersBeyondTheDepthLimitAreFlaggedAndRefused() {
        ProposedDefinition proposal = only(inferEvent("{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": 1}}}}}}"));
        assertTrue(noteAt(proposal, "properties.a.b.c.d.e").message().contains("deeper than 5 levels"));
        assertEquals("properties[0].properties[0].properties[0].properties[0].properties[0].properties",
                refusedAt(proposal));
    }

    private static String refusedAt(ProposedDefinition proposal) {
        return assertThrows(InvalidDefinitionException.class, () -> DefinitionRules.check(proposal.spec())).field();
    }
}
