//! Facts a document implies from the ones it states: a place is in what
//! its container is in, a listed city or US state is in its country when
//! the document names that country too, a place the document puts nowhere
//! is in the one country or US state its first sentence names, and a
//! country is on its continent when a sentence names both.

use rustc_hash::FxHashSet as HashSet;

/// What the lists say about one entity of a document.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlaceFacts {
    /// The country code, when the entity is a listed country.
    pub country: Option<&'static str>,
    /// The code of the country a listed city or state lies in.
    pub within: Option<&'static str>,
    /// Whether the entity is a place (an organisation is in places, never
    /// contains one).
    pub place: bool,
    /// The code of the continent a listed country lies on.
    pub on_continent: Option<&'static str>,
    /// The code of the continent, when the entity is one.
    pub continent: Option<&'static str>,
    /// Whether the document's first sentence names the entity.
    pub in_opening: bool,
    /// Whether the entity is surely what its kind says: a list or rule found
    /// it, the place lists know its name, or the tagger is confident of one
    /// of its mentions.
    pub certain: bool,
    /// Whether the entity is a listed first-level division of a country (a
    /// US state).
    pub division: bool,
}

impl PlaceFacts {
    /// Whether the entity is a country: the lists key the large regions they
    /// also treat as countries (`Europa`, `Nahost`) by name, countries by a
    /// two-letter code.
    pub fn is_country(&self) -> bool {
        self.country.is_some_and(|code| code.len() == 2)
    }
}

/// Located-in pairs (subject, object entity) that follow from the `stated`
/// ones and the lists, none of them stated already, each with the rule that
/// found it; `places` is indexed by entity.
pub fn infer_located(
    stated: &[(usize, usize)],
    places: &[PlaceFacts],
    together: &dyn Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, &'static str)> {
    let mut known: HashSet<(usize, usize)> = stated.iter().copied().collect();
    let mut inferred = Vec::new();
    for (entity, facts) in places.iter().enumerate() {
        let Some(code) = facts.within else { continue };
        let country = places.iter().position(|p| p.country == Some(code));
        if let Some(country) = country.filter(|&c| c != entity && known.insert((entity, c))) {
            inferred.push((entity, country, "located.listed-country"));
        }
    }
    // `Calgary, Alberta` with Calgary listed in Canada: Alberta, a place
    // that is no country, is in Canada too.
    for &(inner, outer) in stated {
        let Some(code) = places[inner].within else { continue };
        let country = places.iter().position(|p| p.country == Some(code));
        // A container listed in another country is no container of this one:
        // `Basel, Heidelberg` is a list, not a town and its region.
        let container = places[outer].place
            && places[outer].country.is_none()
            && places[outer].within.is_none_or(|within| within == code);
        if let Some(country) = country.filter(|&c| c != outer && container && known.insert((outer, c))) {
            inferred.push((outer, country, "located.container-country"));
        }
    }
    // Close under "in a place that is in"; stated pairs first, in order.
    let mut all: Vec<(usize, usize)> = stated.iter().copied().chain(inferred.iter().map(|&(s, o, _)| (s, o))).collect();
    let mut changed = true;
    while changed {
        changed = false;
        for i in 0..all.len() {
            for j in 0..all.len() {
                let (a, b) = all[i];
                let (c, d) = all[j];
                if b == c && a != d && known.insert((a, d)) {
                    all.push((a, d));
                    inferred.push((a, d, "located.transitive"));
                    changed = true;
                }
            }
        }
    }
    inferred.extend(opening_containers(places, &known));
    // `in Europa, etwa in Italien`: a country is on its continent when a
    // sentence names both (`together`). Not closed over: a city is rarely
    // said to be on one.
    let on_continent =
        continent_pairs(places).filter(|&(a, b)| together(a, b) && known.insert((a, b))).collect::<Vec<_>>();
    inferred.extend(on_continent.into_iter().map(|(country, continent)| (country, continent, "located.continent")));
    inferred
}

/// `Calueque is a town ... in southern Angola`, and later `the Kunene River`:
/// the places a document puts in no country are in the one country its
/// first sentence names, when the document names no other; in the same way,
/// the places no list knows are in the one US state it names. Only places
/// surely recognised: a person taken for a place would be put there too.
fn opening_containers(places: &[PlaceFacts], known: &HashSet<(usize, usize)>) -> Vec<(usize, usize, &'static str)> {
    let mut pairs = Vec::new();
    if let Some(country) = sole_in_opening(places, PlaceFacts::is_country) {
        let code = places[country].country;
        // A place the lists put in another country stays there.
        let admits = |p: &PlaceFacts| !p.is_country() && p.within.is_none_or(|within| Some(within) == code);
        pairs.extend(unplaced(places, known, country, admits).map(|e| (e, country, "located.document-country")));
    }
    if let Some(division) = sole_in_opening(places, |p| p.division) {
        // A listed city may lie in any of the country's states.
        let admits = |p: &PlaceFacts| p.country.is_none() && !p.division && p.within.is_none();
        pairs.extend(unplaced(places, known, division, admits).map(|e| (e, division, "located.document-state")));
    }
    pairs
}

/// The one entity of a `level` the document names, when its first sentence
/// names it.
fn sole_in_opening(places: &[PlaceFacts], level: impl Fn(&PlaceFacts) -> bool) -> Option<usize> {
    let mut found = places.iter().enumerate().filter(|(_, p)| level(p));
    match (found.next(), found.next()) {
        (Some((entity, facts)), None) if facts.in_opening => Some(entity),
        _ => None,
    }
}

/// The certain places `admits` lets into `container` and no known fact puts
/// in or around it.
fn unplaced<'a>(
    places: &'a [PlaceFacts],
    known: &'a HashSet<(usize, usize)>,
    container: usize,
    admits: impl Fn(&PlaceFacts) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let placed = move |e: usize| known.contains(&(e, container)) || known.contains(&(container, e));
    places
        .iter()
        .enumerate()
        .filter(move |&(e, p)| e != container && p.place && p.certain && p.continent.is_none() && admits(p))
        .filter(move |&(e, _)| !placed(e))
        .map(|(e, _)| e)
}

/// The (country, continent) pairs of the document's entities.
fn continent_pairs(places: &[PlaceFacts]) -> impl Iterator<Item = (usize, usize)> + '_ {
    places.iter().enumerate().filter_map(move |(country, facts)| {
        let code = facts.on_continent?;
        places.iter().position(|p| p.continent == Some(code)).map(|continent| (country, continent))
    })
}

/// Whether an organisation's name holds a place's name as whole words and
/// says more besides (`University of Alberta`, `Calgary City Council`): such
/// an organisation is in that place.
pub fn name_holds_place(organization: &str, place: &str) -> bool {
    let words: Vec<&str> = organization.split_whitespace().collect();
    let inner: Vec<&str> = place.split_whitespace().collect();
    let adjective =
        inner.len() == 1 && words[..words.len().saturating_sub(1)].iter().any(|w| is_town_adjective(w, place));
    !inner.is_empty() && words.len() > inner.len() && (words.windows(inner.len()).any(|w| w == inner) || adjective)
}

/// Whether `word` is the German adjective of the town `town`: `Bielefelder`
/// (Bielefeld), `Bremer` (Bremen), `Münchner` (München).
pub fn is_town_adjective(word: &str, town: &str) -> bool {
    let Some(stem) = word.strip_suffix("er") else { return false };
    let without_en = town.strip_suffix("en");
    stem == town || without_en == Some(stem) || without_en.is_some_and(|t| stem.strip_suffix('n') == Some(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisation_named_after_a_place_holds_it() {
        assert!(name_holds_place("University of Alberta", "Alberta"));
        assert!(name_holds_place("Calgary City Council", "Calgary"));
        assert!(name_holds_place("Power Corporation of New Zealand", "New Zealand"));
        assert!(!name_holds_place("Liverpool", "Liverpool"), "the same name is no container");
        assert!(!name_holds_place("Parisian Club", "Paris"), "whole words only");
        assert!(name_holds_place("Bielefelder Fachstelle für Suchtvorbeugung", "Bielefeld"));
        assert!(name_holds_place("Bremer Stadtwerke", "Bremen") && name_holds_place("Münchner Rück", "München"));
        assert!(!name_holds_place("Hamburger", "Hamburg"), "an adjective alone names no body");
        assert!(!name_holds_place("Verband Berliner", "Berlin"), "the adjective comes before the head");
    }

    #[test]
    fn closes_over_containers_and_listed_countries() {
        let always = |_: usize, _: usize| true;
        let places = [
            PlaceFacts { place: false, ..PlaceFacts::default() },
            PlaceFacts { within: Some("US"), place: true, ..PlaceFacts::default() },
            PlaceFacts { country: Some("US"), place: true, ..PlaceFacts::default() },
        ];
        // 0 (a university) is in 1 (a state), which the lists put in 2.
        let inferred = infer_located(&[(0, 1)], &places, &always);
        assert_eq!(inferred, [(1, 2, "located.listed-country"), (0, 2, "located.transitive")]);
        let chained = infer_located(&[(0, 1), (1, 2)], &[PlaceFacts::default(); 3], &always);
        assert!(chained.contains(&(0, 2, "located.transitive")));
        assert!(infer_located(&[(0, 1), (1, 0)], &[PlaceFacts::default(); 2], &always).is_empty());
        // 0 (a listed city) is in 1 (its province): the province is in the city's country 2.
        let places = [
            PlaceFacts { within: Some("CA"), place: true, ..PlaceFacts::default() },
            PlaceFacts { place: true, ..PlaceFacts::default() },
            PlaceFacts { country: Some("CA"), place: true, ..PlaceFacts::default() },
        ];
        let inferred = infer_located(&[(0, 1)], &places, &always);
        assert!(inferred.contains(&(1, 2, "located.container-country")), "{inferred:?}");
    }

    #[test]
    fn places_go_into_the_one_country_the_opening_names() {
        let never = |_: usize, _: usize| false;
        let country = PlaceFacts { country: Some("AO"), place: true, in_opening: true, ..PlaceFacts::default() };
        let unlisted = PlaceFacts { place: true, certain: true, ..PlaceFacts::default() };
        let elsewhere = PlaceFacts { within: Some("NA"), ..unlisted };
        let doubtful = PlaceFacts { certain: false, ..unlisted };
        let organization = PlaceFacts { place: false, ..unlisted };
        let places = [country, unlisted, elsewhere, doubtful, organization];
        assert_eq!(infer_located(&[], &places, &never), [(1, 0, "located.document-country")]);
        let later = PlaceFacts { in_opening: false, ..country };
        assert!(infer_located(&[], &[later, unlisted], &never).is_empty(), "named only later");
        let second = PlaceFacts { country: Some("NA"), ..country };
        assert!(infer_located(&[], &[country, unlisted, second], &never).is_empty(), "two countries");
        // An unlisted place is in the one US state the opening names; a listed city may be in another.
        let state =
            PlaceFacts { division: true, within: Some("US"), place: true, in_opening: true, ..PlaceFacts::default() };
        let city = PlaceFacts { within: Some("US"), ..unlisted };
        let inferred = infer_located(&[], &[state, unlisted, city], &never);
        assert_eq!(inferred, [(1, 0, "located.document-state")]);
    }

    #[test]
    fn a_country_is_on_its_continent_when_a_sentence_names_both() {
        let places = [
            PlaceFacts { country: Some("IT"), place: true, on_continent: Some("EU"), ..PlaceFacts::default() },
            PlaceFacts { country: Some("Europa"), place: true, continent: Some("EU"), ..PlaceFacts::default() },
            PlaceFacts { country: Some("CL"), place: true, on_continent: Some("SA"), ..PlaceFacts::default() },
        ];
        assert_eq!(infer_located(&[], &places, &|_, _| true), [(0, 1, "located.continent")]);
        assert!(infer_located(&[], &places, &|_, _| false).is_empty());
    }
}
