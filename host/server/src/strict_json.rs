//! Request bodies are read through this deserializer over a parsed `serde_json::Value`.
//!
//! It behaves like `serde_json`'s own, with one difference: a struct must be written as a
//! JSON object. serde's derived structs also accept an array of their fields in order, so
//! `{"human_review_required": [null, null]}` would otherwise be taken as "no change"; the
//! API fuzzer found that, and an array where an object belongs is always a mistake.

use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, IntoDeserializer, Unexpected, Visitor};
use serde_json::Value;

/// A `Deserializer` over a borrowed JSON value that refuses arrays for structs.
#[derive(Clone, Copy)]
pub(crate) struct Strict<'a>(pub &'a Value);

type Error = serde_json::Error;

impl<'de> IntoDeserializer<'de, Error> for Strict<'_> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for Strict<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    let f = n.as_f64().unwrap_or(f64::NAN);
                    // JSON Schema counts `475.0` as an integer, so integer fields take it.
                    if f.fract() == 0.0 && (0.0..u64::MAX as f64).contains(&f) {
                        visitor.visit_u64(f as u64)
                    } else if f.fract() == 0.0 && (i64::MIN as f64..0.0).contains(&f) {
                        visitor.visit_i64(f as i64)
                    } else {
                        visitor.visit_f64(f)
                    }
                }
            }
            Value::String(s) => visitor.visit_str(s),
            Value::Array(items) => {
                let mut seq = SeqDeserializer::new(items.iter().map(Strict));
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Value::Object(map) => {
                let mut access = MapDeserializer::new(map.iter().map(|(k, v)| (k.as_str(), Strict(v))));
                let value = visitor.visit_map(&mut access)?;
                access.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(self, _name: &'static str, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(_) => self.deserialize_any(visitor),
            Value::Array(_) => Err(de::Error::invalid_type(Unexpected::Seq, &visitor)),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(self, _name: &'static str, _variants: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Object(map) if map.len() == 1 => {
                let access = MapDeserializer::new(map.iter().map(|(k, v)| (k.as_str(), Strict(v))));
                visitor.visit_enum(de::value::MapAccessDeserializer::new(access))
            }
            other => Err(de::Error::invalid_type(unexpected(other), &"a string or an object with one key")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

fn unexpected(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => n.as_f64().map(Unexpected::Float).unwrap_or(Unexpected::Other("number")),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Debug, Default, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        a: Option<bool>,
        b: Option<u32>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        #[serde(default)]
        inner: Option<Inner>,
        #[serde(default)]
        map: BTreeMap<String, Inner>,
        #[serde(default)]
        list: Vec<String>,
        #[serde(default)]
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Plain,
    }

    fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
        let v: Value = serde_json::from_str(json).unwrap();
        serde_path_to_error::deserialize(Strict(&v)).map_err(|e| format!("{}: {}", e.path(), e.inner()))
    }

    #[test]
    fn objects_parse_as_serde_json_would() {
        let o: Outer = parse(r#"{"inner": {"a": true, "b": 7}, "map": {"k": {}}, "list": ["x"], "kind": "plain"}"#).unwrap();
        assert_eq!(o.inner, Some(Inner { a: Some(true), b: Some(7) }));
        assert_eq!(o.map["k"], Inner::default());
        assert_eq!(o.list, ["x"]);
        assert_eq!(o.kind, Some(Kind::Plain));
        let o: Outer = parse(r#"{"inner": null}"#).unwrap();
        assert_eq!(o.inner, None);
    }

    #[test]
    fn an_array_for_a_struct_is_refused_at_any_depth_with_its_path() {
        let e = parse::<Outer>(r#"{"inner": [null, null]}"#).unwrap_err();
        assert!(e.starts_with("inner: invalid type: sequence"), "{e}");
        let e = parse::<Outer>(r#"{"map": {"k": [true]}}"#).unwrap_err();
        assert!(e.starts_with("map.k: invalid type: sequence"), "{e}");
        assert!(parse::<Outer>("[null]").is_err());
    }

    #[test]
    fn type_errors_and_unknown_fields_are_still_errors() {
        assert!(parse::<Outer>(r#"{"inner": {"b": -1}}"#).unwrap_err().starts_with("inner.b:"));
        assert!(parse::<Outer>(r#"{"inner": {"b": 1.5}}"#).is_err());
        // An integral float is an integer, as JSON Schema counts it.
        assert_eq!(parse::<Outer>(r#"{"inner": {"b": 475.0}}"#).unwrap().inner.unwrap().b, Some(475));
        assert!(parse::<Outer>(r#"{"inner": {"c": 1}}"#).unwrap_err().contains("unknown field `c`"));
        assert!(parse::<Outer>(r#"{"kind": "other"}"#).unwrap_err().contains("unknown variant"));
    }
}
