package dev.uip.definition.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A management API credential: its hash, never the secret itself. */
@Entity
@Table(name = "api_credential")
public class ApiCredential extends IssuedSecret {
}
