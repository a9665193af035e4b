//! Compact per-person features the matcher scores from.
//!
//! Scoring every mentee against every mentor (10,000 × 10,000 = 10⁸ pairs) must cost a few
//! nanoseconds per pair, so an [`Employee`] is turned once into a [`Person`]: interned ids for
//! department/site/manager, a language bitmask, an interest bitset, a weekly availability bitmap
//! in UTC quarter-hours, dense skill levels per topic index, and Euler-tour positions in the
//! manager forest ([`OrgChart`]) so "is one in the other's reporting chain" is two comparisons.
//!
//! How to change it: a new scoring input becomes a new field on [`Person`], filled in
//! [`FeatureBuilder::person`] (from an employee) and defaulted in [`Person::new`] (synthetic data);
//! then use it in `score.rs`. Keep fields fixed-size or small: they are read in the hot loop.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Offset, TimeZone};
use chrono_tz::Tz;

use crate::domain::{AdoptionProfile, Employee, EmployeeId, Topic, MAX_LEVEL};
use crate::{CoreError, CoreResult, RefusalKey};

/// Minutes in a week; availability wraps around Sunday → Monday in UTC.
pub const WEEK_MINUTES: u32 = 7 * 24 * 60;
/// Availability is tracked in quarter-hour buckets: every real time-zone offset is a multiple of 15.
pub const BUCKET_MINUTES: u32 = 15;
const BUCKETS: usize = (WEEK_MINUTES / BUCKET_MINUTES) as usize;
const WEEK_WORDS: usize = BUCKETS.div_ceil(64);
/// At most this many distinct interest tags count; rarer tags beyond it are ignored by scoring.
pub const MAX_INTERESTS: usize = 256;
/// At most this many distinct languages (one bit each).
pub const MAX_LANGUAGES: usize = 64;

/// Weekly availability as a bitmap of UTC quarter-hours, Monday 00:00 UTC first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeekMask(pub [u64; WEEK_WORDS]);

impl WeekMask {
    /// Marks `[start, end)` in UTC minutes of the week (wrapping past Sunday midnight). Only whole
    /// quarter-hours count, so a slot never claims time it does not fully cover.
    pub fn add_utc_range(&mut self, start: u32, end: u32) {
        // A range of a week or more is the whole week.
        let end = end.min(start.saturating_add(WEEK_MINUTES));
        let first = start.div_ceil(BUCKET_MINUTES);
        let last = end / BUCKET_MINUTES;
        for b in first..last {
            let b = (b as usize) % BUCKETS;
            self.0[b / 64] |= 1 << (b % 64);
        }
    }

    /// Number of quarter-hours free in both.
    #[inline]
    pub fn overlap_buckets(&self, other: &WeekMask) -> u32 {
        let mut n = 0;
        for w in 0..WEEK_WORDS {
            n += (self.0[w] & other.0[w]).count_ones();
        }
        n
    }

    /// Number of free quarter-hours.
    pub fn buckets(&self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum::<u32>()
    }

    pub fn minutes(&self) -> u32 {
        self.buckets() * BUCKET_MINUTES
    }
}

/// Interest tags as a bitset over the population's [`Vocabulary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct InterestSet(pub [u64; MAX_INTERESTS / 64]);

impl InterestSet {
    pub fn insert(&mut self, index: usize) {
        if index < MAX_INTERESTS {
            self.0[index / 64] |= 1 << (index % 64);
        }
    }

    pub fn count(&self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    #[inline]
    pub fn shared_count(&self, other: &InterestSet) -> u32 {
        let mut n = 0;
        for w in 0..self.0.len() {
            n += (self.0[w] & other.0[w]).count_ones();
        }
        n
    }

    /// Indices present in both, ascending.
    pub fn shared(&self, other: &InterestSet) -> Vec<usize> {
        let mut out = Vec::new();
        for w in 0..self.0.len() {
            let mut bits = self.0[w] & other.0[w];
            while bits != 0 {
                out.push(w * 64 + bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
        }
        out
    }
}

/// Position in the manager forest: a person is in another's reporting chain iff one's interval
/// contains the other's `enter`. Persons outside the chart get [`OrgPos::DETACHED`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgPos {
    pub enter: u32,
    /// One past the last `enter` of the subtree.
    pub exit: u32,
}

impl OrgPos {
    /// Related to nobody (its interval is empty and starts past every other one).
    pub const DETACHED: OrgPos = OrgPos {
        enter: u32::MAX,
        exit: u32::MAX,
    };

    /// True if `self` is `other` or one of its managers at any depth.
    #[inline]
    pub fn is_ancestor_of(self, other: OrgPos) -> bool {
        self.enter <= other.enter && other.enter < self.exit
    }
}

/// The manager forest, flattened by an Euler tour. Build it from every employee (not only the
/// program's participants): a chain can run through managers who take no part in the program.
#[derive(Debug, Clone, Default)]
pub struct OrgChart {
    positions: HashMap<EmployeeId, OrgPos>,
}

impl OrgChart {
    /// `edges` lists each employee with their manager. A manager that is not itself listed becomes
    /// a root. A reporting cycle is a [`CoreError::Conflict`].
    pub fn new(edges: &[(EmployeeId, Option<EmployeeId>)]) -> CoreResult<Self> {
        let mut index: HashMap<EmployeeId, usize> = HashMap::with_capacity(edges.len());
        let mut ids: Vec<EmployeeId> = Vec::with_capacity(edges.len());
        for (id, manager) in edges {
            for person in std::iter::once(id).chain(manager.iter()) {
                index.entry(*person).or_insert_with(|| {
                    ids.push(*person);
                    ids.len() - 1
                });
            }
        }
        let n = ids.len();
        let mut parent: Vec<Option<usize>> = vec![None; n];
        for (id, manager) in edges {
            if let (Some(&c), Some(m)) = (index.get(id), manager) {
                parent[c] = index.get(m).copied();
            }
        }
        // Children lists, sorted by id so positions do not depend on input order.
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (c, p) in parent.iter().enumerate() {
            match p {
                Some(p) if *p != c => children[*p].push(c),
                _ => roots.push(c),
            }
        }
        for list in children.iter_mut() {
            list.sort_by_key(|&c| ids[c]);
        }
        roots.sort_by_key(|&c| ids[c]);

        let mut enter = vec![u32::MAX; n];
        let mut exit = vec![0u32; n];
        let mut clock = 0u32;
        // Iterative DFS: deep hierarchies must not overflow the stack.
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for &root in &roots {
            stack.push((root, 0));
            enter[root] = clock;
            clock += 1;
            while let Some(top) = stack.last_mut() {
                let (node, next) = *top;
                if let Some(&child) = children[node].get(next) {
                    top.1 += 1;
                    enter[child] = clock;
                    clock += 1;
                    stack.push((child, 0));
                } else {
                    exit[node] = clock;
                    stack.pop();
                }
            }
        }
        if let Some(c) = enter.iter().position(|&e| e == u32::MAX) {
            return Err(CoreError::conflict(
                RefusalKey::ReportingCycle,
                format!(
                    "the reporting lines form a cycle through employee {}",
                    ids[c]
                ),
            )
            .with("employee", ids[c]));
        }
        let positions = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                (
                    *id,
                    OrgPos {
                        enter: enter[i],
                        exit: exit[i],
                    },
                )
            })
            .collect();
        Ok(Self { positions })
    }

    pub fn position(&self, id: EmployeeId) -> OrgPos {
        self.positions.get(&id).copied().unwrap_or(OrgPos::DETACHED)
    }
}

/// A learning goal of a mentee: reach `target` on topic `topic` from `level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Goal {
    pub topic: u16,
    pub level: u8,
    pub target: u8,
}

/// What the matcher knows about one person. Build from an employee with
/// [`FeatureBuilder::person`], or from synthetic data with [`Person::new`] and field updates.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub id: EmployeeId,
    pub manager: Option<EmployeeId>,
    pub org: OrgPos,
    pub department: u32,
    pub site: u32,
    /// Seniority, higher is more senior.
    pub grade: u8,
    /// Bit `i` = speaks the vocabulary's language `i`.
    pub languages: u64,
    pub interests: InterestSet,
    pub availability: WeekMask,
    /// Level 0–4 per topic index; missing entries count as 0.
    pub levels: Vec<u8>,
    /// Topics where the person wants to progress (used when they are a mentee).
    pub goals: Vec<Goal>,
    pub profile: Option<AdoptionProfile>,
    /// Months since hire, if known (a proxy for being an experienced colleague).
    pub tenure_months: Option<u32>,
}

impl Person {
    /// A person with no relations, languages, interests, availability or skills.
    pub fn new(id: EmployeeId) -> Self {
        Self {
            id,
            manager: None,
            org: OrgPos::DETACHED,
            department: 0,
            site: 0,
            grade: 0,
            languages: 0,
            interests: InterestSet::default(),
            availability: WeekMask::default(),
            levels: Vec::new(),
            goals: Vec::new(),
            profile: None,
            tenure_months: None,
        }
    }

    pub fn level(&self, topic: u16) -> u8 {
        self.levels.get(usize::from(topic)).copied().unwrap_or(0)
    }
}

/// Interned names shared by all persons of one run, so explanations can name topics and interests.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub topics: Vec<String>,
    pub interests: Vec<String>,
    pub languages: Vec<String>,
    pub departments: Vec<String>,
    pub sites: Vec<String>,
}

fn intern(list: &mut Vec<String>, map: &mut HashMap<String, u32>, key: &str) -> u32 {
    let key = key.trim().to_lowercase();
    if let Some(&i) = map.get(&key) {
        return i;
    }
    list.push(key.clone());
    let i = (list.len() - 1) as u32;
    map.insert(key, i);
    i
}

/// Turns employees into [`Person`]s with one shared vocabulary, org chart and reference week.
#[derive(Debug, Clone)]
pub struct FeatureBuilder {
    vocabulary: Vocabulary,
    topic_index: HashMap<String, u16>,
    interest_index: HashMap<String, u32>,
    language_index: HashMap<String, u32>,
    department_index: HashMap<String, u32>,
    site_index: HashMap<String, u32>,
    org: OrgChart,
    reference_monday: NaiveDate,
}

impl FeatureBuilder {
    /// `population` is every employee (for the org chart and the interest vocabulary); `topics`
    /// the catalog; `reference_date` fixes the week used to turn local times into UTC (daylight
    /// saving time moves offsets), usually the program's start.
    pub fn new(
        population: &[Employee],
        topics: &[Topic],
        reference_date: NaiveDate,
    ) -> CoreResult<Self> {
        let edges: Vec<_> = population.iter().map(|e| (e.id, e.manager_id)).collect();
        let org = OrgChart::new(&edges)?;
        let mut vocabulary = Vocabulary::default();
        let mut topic_index = HashMap::new();
        for t in topics {
            if topic_index.len() < usize::from(u16::MAX) && !topic_index.contains_key(&t.id) {
                topic_index.insert(t.id.clone(), vocabulary.topics.len() as u16);
                vocabulary.topics.push(t.id.clone());
            }
        }
        // Keep the most common interest tags (ties by name) so the bitset stays fixed-size.
        let mut counts: HashMap<String, usize> = HashMap::new();
        for e in population {
            for tag in &e.interests {
                *counts.entry(tag.trim().to_lowercase()).or_default() += 1;
            }
        }
        let mut tags: Vec<(String, usize)> =
            counts.into_iter().filter(|(t, _)| !t.is_empty()).collect();
        tags.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        tags.truncate(MAX_INTERESTS);
        let mut interest_index = HashMap::new();
        for (tag, _) in tags {
            intern(&mut vocabulary.interests, &mut interest_index, &tag);
        }
        let offset = i64::from(reference_date.weekday().num_days_from_monday());
        let reference_monday = reference_date - chrono::Duration::days(offset);
        Ok(Self {
            vocabulary,
            topic_index,
            interest_index,
            language_index: HashMap::new(),
            department_index: HashMap::new(),
            site_index: HashMap::new(),
            org,
            reference_monday,
        })
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    pub fn org_chart(&self) -> &OrgChart {
        &self.org
    }

    /// Features of one employee. Unknown topics are ignored; an unknown time zone or more than
    /// [`MAX_LANGUAGES`] languages in the population is a validation error.
    pub fn person(&mut self, e: &Employee) -> CoreResult<Person> {
        let mut p = Person::new(e.id);
        p.manager = e.manager_id;
        p.org = self.org.position(e.id);
        p.department = intern(
            &mut self.vocabulary.departments,
            &mut self.department_index,
            &e.department,
        );
        p.site = intern(&mut self.vocabulary.sites, &mut self.site_index, &e.site);
        p.grade = e.grade;
        for lang in &e.languages {
            let i = intern(
                &mut self.vocabulary.languages,
                &mut self.language_index,
                lang,
            );
            if i as usize >= MAX_LANGUAGES {
                return Err(CoreError::invalid(
                    "languages",
                    "too_many_languages",
                    format!("matching supports at most {MAX_LANGUAGES} distinct languages"),
                ));
            }
            p.languages |= 1 << i;
        }
        for tag in &e.interests {
            if let Some(&i) = self.interest_index.get(&tag.trim().to_lowercase()) {
                p.interests.insert(i as usize);
            }
        }
        p.availability = self.week_mask(&e.timezone, e)?;
        for s in &e.skills {
            let Some(&t) = self.topic_index.get(&s.topic_id) else {
                continue;
            };
            let t = usize::from(t);
            if p.levels.len() <= t {
                p.levels.resize(t + 1, 0);
            }
            let level = s.level.min(MAX_LEVEL);
            p.levels[t] = level;
            if let Some(target) = s.target.map(|x| x.min(MAX_LEVEL)) {
                if target > level {
                    p.goals.push(Goal {
                        topic: t as u16,
                        level,
                        target,
                    });
                }
            }
        }
        p.goals.sort_by_key(|g| g.topic);
        p.profile = e.adoption_profile;
        p.tenure_months = e.hire_date.map(|h| {
            let days = (self.reference_monday - h).num_days().max(0);
            (days / 30) as u32
        });
        Ok(p)
    }

    fn week_mask(&self, timezone: &str, e: &Employee) -> CoreResult<WeekMask> {
        let tz: Tz = if timezone.trim().is_empty() {
            Tz::UTC
        } else {
            timezone.trim().parse().map_err(|_| {
                CoreError::invalid(
                    "timezone",
                    "timezone_unknown",
                    format!("'{timezone}' is not a known time zone"),
                )
            })?
        };
        let mut mask = WeekMask::default();
        for slot in &e.availability {
            if slot.weekday > 6 || slot.end_minute <= slot.start_minute || slot.end_minute > 1440 {
                continue;
            }
            let day = self.reference_monday + chrono::Duration::days(i64::from(slot.weekday));
            let start = day
                .and_hms_opt(0, 0, 0)
                .map(|d| d + chrono::Duration::minutes(i64::from(slot.start_minute)));
            let Some(local) = start else { continue };
            // In a spring-forward gap the local time does not exist; use the offset an hour later.
            let offset_seconds = match tz.from_local_datetime(&local).earliest() {
                Some(dt) => dt.offset().fix().local_minus_utc(),
                None => tz.offset_from_utc_datetime(&local).fix().local_minus_utc(),
            };
            let offset = i64::from(offset_seconds / 60);
            let week = i64::from(WEEK_MINUTES);
            let local_start = i64::from(slot.weekday) * 1440 + i64::from(slot.start_minute);
            let utc_start = (local_start - offset).rem_euclid(week) as u32;
            let len = u32::from(slot.end_minute - slot.start_minute);
            mask.add_utc_range(utc_start, utc_start + len);
        }
        Ok(mask)
    }
}
