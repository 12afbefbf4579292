//! Word endings in a trie read from the word's end: every ending a word has
//! is found in one walk of a few bytes, however many endings there are.

/// A set of word endings, each with a value.
#[derive(Debug, Clone)]
pub struct Endings {
    /// Node 0 is the root; children by byte, and the value of the ending
    /// that ends at the node, if one does.
    nodes: Vec<Node>,
}

#[derive(Debug, Clone, Default)]
struct Node {
    children: Vec<(u8, u32)>,
    value: Option<u32>,
}

impl Default for Endings {
    fn default() -> Self {
        Self { nodes: vec![Node::default()] }
    }
}

impl Endings {
    /// The value of `ending`, if it is in the set.
    pub fn get(&self, ending: &str) -> Option<u32> {
        let mut node = 0;
        for byte in ending.bytes().rev() {
            node = self.child(node, byte)?;
        }
        self.nodes[node].value
    }

    /// Sets the value of `ending` (not empty).
    pub fn insert(&mut self, ending: &str, value: u32) {
        let mut node = 0;
        for byte in ending.bytes().rev() {
            node = match self.child(node, byte) {
                Some(child) => child,
                None => {
                    self.nodes.push(Node::default());
                    let child = self.nodes.len() - 1;
                    self.nodes[node].children.push((byte, child as u32));
                    child
                }
            };
        }
        self.nodes[node].value = Some(value);
    }

    /// The endings `word` has, shortest first, as (length in bytes, value).
    pub fn of<'w>(&'w self, word: &'w str) -> impl Iterator<Item = (usize, u32)> + 'w {
        let mut node = 0;
        word.bytes()
            .rev()
            .enumerate()
            .map_while(move |(k, byte)| {
                node = self.child(node, byte)?;
                Some((k + 1, self.nodes[node].value))
            })
            .filter_map(|(len, value)| value.map(|v| (len, v)))
    }

    /// Every ending in the set with its value, in no fixed order.
    pub fn entries(&self) -> Vec<(String, u32)> {
        let mut found = Vec::new();
        // Nodes with the bytes read from the word's end to reach them.
        let mut stack = vec![(0usize, Vec::new())];
        while let Some((node, reversed)) = stack.pop() {
            if let Some(value) = self.nodes[node].value {
                let bytes: Vec<u8> = reversed.iter().rev().copied().collect();
                found.push((String::from_utf8(bytes).expect("endings are inserted as text"), value));
            }
            for &(byte, child) in &self.nodes[node].children {
                let mut path = reversed.clone();
                path.push(byte);
                stack.push((child as usize, path));
            }
        }
        found
    }

    fn child(&self, node: usize, byte: u8) -> Option<usize> {
        self.nodes[node].children.iter().find(|(b, _)| *b == byte).map(|&(_, child)| child as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_ending_of_a_word() {
        let mut endings = Endings::default();
        for (n, end) in ["er", "forscher", "in", "ä"].into_iter().enumerate() {
            endings.insert(end, n as u32);
        }
        let found: Vec<(usize, u32)> = endings.of("chefforscher").collect();
        assert_eq!(found, [(2, 0), (8, 1)]);
        let mut entries = endings.entries();
        entries.sort();
        assert_eq!(entries, [("er".into(), 0), ("forscher".into(), 1), ("in".into(), 2), ("ä".into(), 3)]);
        assert_eq!(endings.of("kanzlerin").collect::<Vec<_>>(), [(2, 2)]);
        assert_eq!(endings.of("bä").collect::<Vec<_>>(), [(2, 3)], "byte lengths");
        assert_eq!(endings.of("rot").count(), 0);
        assert_eq!((endings.get("forscher"), endings.get("scher")), (Some(1), None));
    }
}
