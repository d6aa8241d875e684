package dev.uip.definition.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntity;

import dev.uip.definition.domain.CallType;
import dev.uip.definition.domain.Criticality;
import dev.uip.definition.domain.DefinitionKind;
import dev.uip.definition.domain.Enforcement;
import dev.uip.definition.domain.LifecycleStatus;

/** The head of an event definition: its current version, and the registry coordinates of its published schema. */
@Entity
@Table(name = "event_definition")
public class EventDefinition extends PanacheEntity {

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(nullable = false)
    public String name;

    @Column(name = "display_name")
    public String displayName;

    public String description;

    @Column(name = "owner_team")
    public String ownerTeam;

    @Column(name = "key_event", nullable = false)
    public boolean keyEvent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Criticality criticality;

    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LifecycleStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Enforcement enforcement;

    @Column(name = "properties_json", nullable = false)
    public String propertiesJson;

    /** The newest version number. */
    @Column(nullable = false)
    public int version;

    /** The version whose schema is registered and enforced; null while only drafts exist. */
    @Column(name = "published_version")
    public Integer publishedVersion;

    /** Whether publishing a new version releases the events quarantined for SCHEMA_VIOLATION (migration V7). */
    @Column(name = "auto_release", nullable = false)
    public boolean autoRelease;

    @Column(name = "schema_group")
    public String schemaGroup;

    @Column(name = "schema_version")
    public String schemaVersion;

    @Column(name = "schema_global_id")
    public Long schemaGlobalId;

    /** Tracked (sent by SDKs) or virtual (derived by a rule). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DefinitionKind kind = DefinitionKind.TRACKED;

    /** The call the definition describes (migration V10): track, page, screen or identify. */
    @Enumerated(EnumType.STRING)
    @Column(name = "call_type", nullable = false)
    public CallType callType = CallType.TRACK;

    /** A virtual definition's rule as JSON; null for a tracked one. */
    @Column(name = "virtual_rule")
    public String virtualRule;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
