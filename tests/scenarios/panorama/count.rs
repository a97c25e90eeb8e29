//! The national figures counted by the test itself from the profiles the
//! cantons submitted, and helpers to read the API's canton sets.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

pub fn codes(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|code| code.as_str().unwrap().to_owned())
        .collect()
}

/// The national figures counted here from what the cantons submitted.
pub struct Count {
    pub with_office: BTreeSet<String>,
    pub steering: BTreeMap<String, BTreeSet<String>>,
    pub documented: BTreeMap<String, BTreeSet<String>>,
    pub types: BTreeMap<String, BTreeSet<String>>,
}

pub fn count(profiles: &[(&str, &Value)]) -> Count {
    let mut count = Count {
        with_office: BTreeSet::new(),
        steering: BTreeMap::new(),
        documented: BTreeMap::new(),
        types: BTreeMap::new(),
    };
    for (canton, content) in profiles {
        let structure = &content["structure"];
        if !structure["office"].is_null() {
            count.with_office.insert((*canton).to_owned());
        }
        for link in structure["bodies"].as_array().unwrap() {
            if link["level"] != "strategic" {
                continue;
            }
            for institution in link["institutions"].as_array().unwrap() {
                let kind = institution["kind"].as_str().unwrap().to_uppercase();
                count
                    .steering
                    .entry(kind)
                    .or_default()
                    .insert((*canton).to_owned());
            }
        }
        let documented = content["practice"]["process"]["documented"]
            .as_str()
            .unwrap();
        count
            .documented
            .entry(documented.to_uppercase())
            .or_default()
            .insert((*canton).to_owned());
        let kind = structure["implementation_type"].as_str().unwrap();
        count
            .types
            .entry(kind.to_uppercase())
            .or_default()
            .insert((*canton).to_owned());
    }
    count
}

/// `[{ <key>: K, cantons: { cantons } }]` as K → cantons, empty sets left out.
pub fn by_key(list: &Value, key: &str) -> BTreeMap<String, BTreeSet<String>> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                entry[key].as_str().unwrap().to_owned(),
                codes(&entry["cantons"]["cantons"]),
            )
        })
        .filter(|(_, cantons)| !cantons.is_empty())
        .collect()
}
