//! A relation's attributes as a graph keeps them: one allocation of bytes
//! instead of a box of four optional strings, each of them an allocation of
//! its own. A corpus graph holds hundreds of thousands of relations with a
//! role, a date or a quote; unpacked they took 112 bytes before their
//! strings, packed a role such as `CEO` takes 32 bytes with its text.

use thin_vec::ThinVec;

use crate::relations::Attributes;

/// The attributes of a relation, borrowed from where the graph keeps them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AttributesRef<'a> {
    /// An ISO 8601 prefix: `2015`, `2023-07`, `--01-20`, `2025-01-20`.
    pub date: Option<&'a str>,
    /// Role or title held, for `works-at`.
    pub role: Option<&'a str>,
    /// Whether the relation no longer holds, for `works-at`.
    pub former: Option<bool>,
    /// What a meeting was about, for `met-with`.
    pub topic: Option<&'a str>,
    /// The words quoted, for `quoted-in`.
    pub quote: Option<&'a str>,
}

impl AttributesRef<'_> {
    /// Whether `other` has an attribute that these lack, so that filling
    /// these from it changes them: most facts merged into one already known
    /// add none, and need not be unpacked and packed again.
    pub fn lacks_any_of(&self, other: &AttributesRef<'_>) -> bool {
        let lacks = |mine: Option<&str>, theirs: Option<&str>| mine.is_none() && theirs.is_some();
        lacks(self.date, other.date)
            || lacks(self.role, other.role)
            || (self.former.is_none() && other.former.is_some())
            || lacks(self.topic, other.topic)
            || lacks(self.quote, other.quote)
    }

    /// The same attributes, owned.
    pub fn to_owned(&self) -> Attributes {
        let own = |text: Option<&str>| text.map(str::to_owned);
        Attributes {
            date: own(self.date),
            role: own(self.role),
            former: self.former,
            topic: own(self.topic),
            quote: own(self.quote),
        }
    }
}

/// Attributes packed into bytes: one for `former` (0 none, 1 false, 2 true),
/// then date, role, topic and quote, each as its length plus one in LEB128
/// (0 for none) followed by its UTF-8 bytes. No attributes are no bytes,
/// which allocate nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackedAttributes(ThinVec<u8>);

impl PackedAttributes {
    /// Packs `attributes`.
    pub fn pack(attributes: &Attributes) -> Self {
        let Attributes { date, role, former, topic, quote } = attributes;
        let texts = [date, role, topic, quote];
        if former.is_none() && texts.iter().all(|text| text.is_none()) {
            return Self::default();
        }
        let stored = |text: &Option<String>| text.as_ref().map_or(0, |text| text.len() + 1);
        let size: usize = texts.iter().map(|text| length_size(stored(text)) + stored(text).saturating_sub(1)).sum();
        let mut bytes = ThinVec::with_capacity(1 + size);
        bytes.push(former.map_or(0, |former| 1 + u8::from(former)));
        for text in texts {
            push_length(&mut bytes, stored(text));
            bytes.extend_from_slice(text.as_ref().map_or(&[][..], |text| text.as_bytes()));
        }
        Self(bytes)
    }

    /// The attributes, borrowed from the bytes.
    pub fn view(&self) -> AttributesRef<'_> {
        let Some((&former, mut rest)) = self.0.split_first() else {
            return AttributesRef::default();
        };
        let mut next = || {
            let (length, after) = read_length(rest);
            let (text, after) = after.split_at(length.saturating_sub(1).min(after.len()));
            rest = after;
            // Packed from whole strings, so the bytes are UTF-8.
            (length > 0).then(|| std::str::from_utf8(text).unwrap_or_default())
        };
        let (date, role, topic, quote) = (next(), next(), next(), next());
        let former = match former {
            0 => None,
            former => Some(former == 2),
        };
        AttributesRef { date, role, former, topic, quote }
    }

    /// Whether there are no attributes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The bytes [`push_length`] writes for `length`: one per seven bits.
fn length_size(length: usize) -> usize {
    (usize::BITS - (length | 1).leading_zeros()).div_ceil(7) as usize
}

fn push_length(bytes: &mut ThinVec<u8>, mut length: usize) {
    while length >= 0x80 {
        bytes.push((length & 0x7f) as u8 | 0x80);
        length >>= 7;
    }
    bytes.push(length as u8);
}

/// A length written by [`push_length`] and the bytes after it.
fn read_length(bytes: &[u8]) -> (usize, &[u8]) {
    let mut length = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        length |= usize::from(byte & 0x7f) << (7 * i);
        if byte < 0x80 {
            return (length, &bytes[i + 1..]);
        }
    }
    (length, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_unpack_as_they_were_packed() {
        let long = "ä".repeat(200);
        let cases = [
            Attributes::default(),
            Attributes { former: Some(false), ..Attributes::default() },
            Attributes { role: Some("CEO".into()), former: Some(true), ..Attributes::default() },
            Attributes { date: Some("2025-01-20".into()), topic: Some(String::new()), ..Attributes::default() },
            Attributes { quote: Some(long), date: Some("--01-20".into()), ..Attributes::default() },
        ];
        for attributes in cases {
            let packed = PackedAttributes::pack(&attributes);
            assert_eq!(packed.0.len(), packed.0.capacity(), "packed in an allocation of its size");
            assert_eq!(packed.view().to_owned(), attributes);
            assert_eq!(packed.is_empty(), attributes == Attributes::default());
        }
    }
}
