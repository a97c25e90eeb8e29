//! Sealing personal fields of an event payload with the subject's key.
//!
//! A sealed field is stored as `{"sealed": "<base64 of nonce ‖ ciphertext>"}`
//! in place of its JSON value. The cipher is XChaCha20-Poly1305 (an AEAD
//! with 192-bit nonces, so random nonces never collide in practice); the
//! associated data binds each ciphertext to its subject and field, so a
//! sealed name cannot be moved to another person or field unnoticed.
//! Without the key (the person was forgotten) a sealed field reads `null`.

use std::collections::HashMap;
use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde_json::{Map, Value};

use crate::event::RecordedEvent;

/// The member name that marks a sealed value.
const SEALED: &str = "sealed";
const NONCE_LEN: usize = 24;
/// Bytes of a key (256 bits).
pub const KEY_LEN: usize = 32;

/// Why personal fields could not be sealed or opened.
#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("no randomness for a key or nonce: {0}")]
    Random(String),
    #[error("a key must have {KEY_LEN} bytes")]
    KeyLength,
    #[error("field {field} of {subject} cannot be sealed")]
    Seal { subject: String, field: String },
    #[error("field {field} of {subject} does not open with its key (tampered or wrong key)")]
    Open { subject: String, field: String },
    #[error("field {field} of {subject} is not a sealed value")]
    Malformed { subject: String, field: String },
}

impl From<SealError> for crate::StoreError {
    fn from(error: SealError) -> Self {
        match error {
            SealError::Random(_) | SealError::Seal { .. } => {
                Self::InvalidRequest(error.to_string())
            }
            _ => Self::Corrupt(error.to_string()),
        }
    }
}

/// One person's key. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct PersonKey([u8; KEY_LEN]);

impl fmt::Debug for PersonKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PersonKey(***)")
    }
}

impl PersonKey {
    /// A new random key from the operating system.
    pub fn generate() -> Result<Self, SealError> {
        let mut key = [0u8; KEY_LEN];
        getrandom::fill(&mut key).map_err(|error| SealError::Random(error.to_string()))?;
        Ok(Self(key))
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, SealError> {
        <[u8; KEY_LEN]>::try_from(bytes)
            .map(Self)
            .map_err(|_| SealError::KeyLength)
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&self.0.into())
    }
}

/// The keys of the people whose events are read, by subject (person id).
#[derive(Debug, Clone, Default)]
pub struct Keyring {
    keys: HashMap<String, PersonKey>,
}

impl Keyring {
    pub fn insert(&mut self, subject: impl Into<String>, key: PersonKey) {
        self.keys.insert(subject.into(), key);
    }

    pub fn get(&self, subject: &str) -> Option<&PersonKey> {
        self.keys.get(subject)
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

fn aad(subject: &str, field: &str) -> Vec<u8> {
    format!("iiz:{subject}:{field}").into_bytes()
}

/// Replaces each of `fields` present in `payload` by its sealed form.
/// `null` values stay `null` (nothing to protect).
pub fn seal_fields(
    payload: &mut Value,
    fields: &[&str],
    subject: &str,
    key: &PersonKey,
) -> Result<(), SealError> {
    let Value::Object(map) = payload else {
        return Ok(());
    };
    for field in fields {
        let Some(value) = map.get_mut(*field) else {
            continue;
        };
        if value.is_null() || sealed_text(value).is_some() {
            continue;
        }
        let failed = || SealError::Seal {
            subject: subject.to_owned(),
            field: (*field).to_owned(),
        };
        let plain = serde_json::to_vec(value).map_err(|_| failed())?;
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).map_err(|error| SealError::Random(error.to_string()))?;
        let sealed = key
            .cipher()
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: &plain,
                    aad: &aad(subject, field),
                },
            )
            .map_err(|_| failed())?;
        let mut stored = nonce.to_vec();
        stored.extend_from_slice(&sealed);
        let mut wrapper = Map::new();
        wrapper.insert(SEALED.to_owned(), Value::String(STANDARD.encode(stored)));
        *value = Value::Object(wrapper);
    }
    Ok(())
}

/// The base64 text of a sealed value, if `value` is one.
fn sealed_text(value: &Value) -> Option<&str> {
    match value {
        Value::Object(map) if map.len() == 1 => map.get(SEALED).and_then(Value::as_str),
        _ => None,
    }
}

/// Whether any top-level field of `payload` is sealed.
pub fn has_sealed_fields(payload: &Value) -> bool {
    match payload {
        Value::Object(map) => map.values().any(|value| sealed_text(value).is_some()),
        _ => false,
    }
}

/// Opens every sealed top-level field of `payload` with `key`, or turns it
/// into `null` when there is no key (the subject was forgotten).
pub fn open_fields(
    payload: &mut Value,
    subject: &str,
    key: Option<&PersonKey>,
) -> Result<(), SealError> {
    let Value::Object(map) = payload else {
        return Ok(());
    };
    for (field, value) in map.iter_mut() {
        let Some(text) = sealed_text(value) else {
            continue;
        };
        let Some(key) = key else {
            *value = Value::Null;
            continue;
        };
        let malformed = || SealError::Malformed {
            subject: subject.to_owned(),
            field: field.clone(),
        };
        let stored = STANDARD.decode(text).map_err(|_| malformed())?;
        if stored.len() < NONCE_LEN {
            return Err(malformed());
        }
        let (nonce, sealed) = stored.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| malformed())?;
        let plain = key
            .cipher()
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: sealed,
                    aad: &aad(subject, field),
                },
            )
            .map_err(|_| SealError::Open {
                subject: subject.to_owned(),
                field: field.clone(),
            })?;
        *value = serde_json::from_slice(&plain).map_err(|_| malformed())?;
    }
    Ok(())
}

/// Opens the sealed fields of a stored event. The subject of a stream's
/// personal fields is the stream's id (a person's stream is theirs).
pub fn open_event(event: &mut RecordedEvent, keys: &Keyring) -> Result<(), SealError> {
    if !has_sealed_fields(&event.payload) {
        return Ok(());
    }
    let subject = event.stream.stream_id.clone();
    open_fields(&mut event.payload, &subject, keys.get(&subject))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn registered() -> Value {
        json!({"id": "p1", "name": "Anna Muster", "email": "anna@zh.ch", "language": "de"})
    }

    #[test]
    fn sealed_fields_hide_the_plaintext_and_open_with_the_key() {
        let key = PersonKey::generate().unwrap();
        let mut payload = registered();
        seal_fields(&mut payload, &["name", "email"], "p1", &key).unwrap();
        let stored = payload.to_string();
        assert!(!stored.contains("Anna"), "{stored}");
        assert!(!stored.contains("anna@zh.ch"), "{stored}");
        assert_eq!(payload["language"], "de");
        assert!(has_sealed_fields(&payload));
        open_fields(&mut payload, "p1", Some(&key)).unwrap();
        assert_eq!(payload, registered());
    }

    #[test]
    fn without_the_key_sealed_fields_read_null() {
        let key = PersonKey::generate().unwrap();
        let mut payload = registered();
        seal_fields(&mut payload, &["name", "email"], "p1", &key).unwrap();
        open_fields(&mut payload, "p1", None).unwrap();
        assert_eq!(
            payload,
            json!({"id": "p1", "name": null, "email": null, "language": "de"})
        );
    }

    #[test]
    fn another_key_or_subject_does_not_open_a_sealed_field() {
        let key = PersonKey::generate().unwrap();
        let mut payload = registered();
        seal_fields(&mut payload, &["name"], "p1", &key).unwrap();
        let other = PersonKey::generate().unwrap();
        assert!(matches!(
            open_fields(&mut payload.clone(), "p1", Some(&other)),
            Err(SealError::Open { .. })
        ));
        assert!(matches!(
            open_fields(&mut payload, "p2", Some(&key)),
            Err(SealError::Open { .. })
        ));
    }

    #[test]
    fn the_same_value_seals_differently_each_time() {
        let key = PersonKey::generate().unwrap();
        let (mut first, mut second) = (registered(), registered());
        seal_fields(&mut first, &["name"], "p1", &key).unwrap();
        seal_fields(&mut second, &["name"], "p1", &key).unwrap();
        assert_ne!(first["name"], second["name"]);
    }
}
