package dev.uip.definition.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A stored write key: its hash, never the key itself. */
@Entity
@Table(name = "write_key")
public class WriteKey extends IssuedSecret {

    /** The key that replaced this one when it was rotated. */
    @Column(name = "replaced_by")
    public String replacedBy;
}
