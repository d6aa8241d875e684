package dev.uip.definition.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One immutable version of an alert rule: the whole rule as the API showed it then. */
@Entity
@Table(name = "alert_rule_version")
@IdClass(AlertRuleVersion.Key.class)
public class AlertRuleVersion extends PanacheEntityBase {

    @Id
    @Column(name = "rule_id")
    public long ruleId;

    @Id
    public int version;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    /** CREATED, UPDATED or DELETED. */
    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public boolean deleted;

    @Column(name = "rule_json", nullable = false)
    public String ruleJson;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The composite primary key. */
    public static class Key implements Serializable {

        public long ruleId;
        public int version;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.ruleId == ruleId && key.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(ruleId, version);
        }
    }
}
