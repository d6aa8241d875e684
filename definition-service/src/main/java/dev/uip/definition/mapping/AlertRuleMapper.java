package dev.uip.definition.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.domain.AlertRuleSettings;
import dev.uip.definition.domain.QuietHours;
import dev.uip.definition.repository.AlertRule;
import dev.uip.definition.repository.AlertRuleVersion;
import dev.uip.definition.rest.AlertRuleVersionView;
import dev.uip.definition.rest.AlertRuleView;

/** Converts between stored alert rules, their versions' JSON, checked settings and API views. */
@ApplicationScoped
public class AlertRuleMapper {

    @Inject
    ObjectMapper json;

    /** Copies checked settings (defaults filled in) onto the rule's row. */
    public void apply(AlertRuleSettings settings, AlertRule entity) {
        entity.enabled = settings.enabled();
        entity.sensitivity = settings.sensitivity();
        entity.minVolume = settings.minVolume();
        entity.windowMinutes = settings.windowMinutes();
        entity.threshold = settings.threshold();
        entity.percent = settings.percent();
        entity.direction = settings.direction();
        entity.baselineMinutes = settings.baselineMinutes();
        QuietHours quiet = settings.quietHours();
        entity.quietStartHour = quiet == null ? null : quiet.startHour();
        entity.quietEndHour = quiet == null ? null : quiet.endHour();
        entity.quietTimeZone = quiet == null ? null : quiet.timeZone();
        entity.severity = settings.severity();
    }

    public AlertRuleView view(AlertRule entity) {
        return new AlertRuleView(entity.workspaceId, entity.callType, entity.event, entity.kind, entity.enabled,
                entity.sensitivity, entity.minVolume, entity.windowMinutes, entity.threshold, entity.percent,
                entity.direction, entity.baselineMinutes, quietHours(entity), entity.severity, entity.version,
                entity.deleted, entity.createdAt, entity.updatedAt, entity.updatedBy);
    }

    public AlertRuleVersionView view(AlertRuleVersion version) {
        return new AlertRuleVersionView(version.version, version.action, version.deleted, version.createdBy,
                version.createdAt, read(version.ruleJson));
    }

    public String viewJson(AlertRule entity) {
        try {
            return json.writeValueAsString(view(entity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static QuietHours quietHours(AlertRule entity) {
        return entity.quietStartHour == null
                ? null
                : new QuietHours(entity.quietStartHour, entity.quietEndHour, entity.quietTimeZone);
    }

    private AlertRuleView read(String text) {
        try {
            return json.readValue(text, AlertRuleView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored alert rule version is not readable", e);
        }
    }
}
