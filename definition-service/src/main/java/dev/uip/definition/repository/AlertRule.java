package dev.uip.definition.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntity;

import dev.uip.definition.domain.AlertSeverity;
import dev.uip.definition.domain.ChangeDirection;
import dev.uip.definition.domain.RuleCallType;
import dev.uip.definition.domain.RuleKind;
import dev.uip.definition.domain.RuleSensitivity;

/** The current version of one stored alert rule (kept, marked deleted, after its deletion). */
@Entity
@Table(name = "alert_rule")
public class AlertRule extends PanacheEntity {

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "call_type", nullable = false)
    public RuleCallType callType;

    /** The event or page/screen name; "" for identify, group and alias. */
    @Column(nullable = false)
    public String event;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuleKind kind;

    @Column(nullable = false)
    public boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuleSensitivity sensitivity;

    @Column(name = "min_volume", nullable = false)
    public double minVolume;

    @Column(name = "window_minutes", nullable = false)
    public int windowMinutes;

    public Double threshold;

    public Double percent;

    @Enumerated(EnumType.STRING)
    public ChangeDirection direction;

    @Column(name = "baseline_minutes")
    public Integer baselineMinutes;

    @Column(name = "quiet_start_hour")
    public Integer quietStartHour;

    @Column(name = "quiet_end_hour")
    public Integer quietEndHour;

    @Column(name = "quiet_time_zone")
    public String quietTimeZone;

    @Enumerated(EnumType.STRING)
    public AlertSeverity severity;

    /** The newest version number. */
    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public boolean deleted;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
