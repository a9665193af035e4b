//! The program dashboard: every figure of one program at `now`.

use crate::access::{self, Effect, Need};
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeZone, Utc};

use super::catalog::CatalogIndex;
use super::model::*;
use super::{hours_between, program_phase, rating_average, start_of};
use crate::domain::{AdoptionProfile, EmployeeId};
use crate::program::{self, ProgramId};
use crate::session::{assess, SessionFact, SessionStatus};
use crate::store::progress::{self as db, scan};
use crate::{CoreResult, Store};

/// The program dashboard at `now`. An unknown program is [`crate::CoreError::NotFound`].
///
/// Only approved pairs count. For each pair:
/// - **completed**: the program has ended, or the pair held at least one session and has none
///   left `planned`;
/// - **active**: not completed, the program runs (`start_date <= today <= end_date`), and the pair
///   has a held or planned session;
/// - **not started**: neither;
/// - **at risk**: the program runs, the pair is not completed and [`crate::session::assess`]
///   gives a reason (two cancellations in a row, or no session held for the cadence plus 50 %).
///   The pair could first meet at the later of the program's start (midnight UTC) and the
///   pair's creation.
///
/// Sessions: `scheduled` counts every session that was not cancelled; `held` those marked held;
/// hours are those of held sessions. Topics, ratings and per-pair topic counts come from held
/// sessions. The audience sums the followers of the *active mentees*: mentees of an approved
/// pair with at least one held session.
pub fn program_dashboard(
    store: &Store,
    program_id: ProgramId,
    now: DateTime<Utc>,
) -> CoreResult<ProgramDashboard> {
    access::require(store, Need::Hr, Effect::Read)?;
    let program = program::get_program(store, program_id)?;
    let conn = store.conn();
    let catalog = CatalogIndex::load(conn)?;
    let phase = program_phase(program.start_date, program.end_date, now);
    let pairs = db::approved_pairs(conn, program_id)?;
    let index: KeyMap<i64, usize> = pairs.iter().enumerate().map(|(i, p)| (p.key, i)).collect();

    let mut tally = Tally::new(&pairs, &catalog);
    scan::for_each_program_session(conn, program_id, |f| {
        if let Some(&i) = index.get(&f.pair_key) {
            tally.session(i, f.starts_at, f.ends_at, f.status, now);
        }
    })?;
    scan::for_each_program_rating_tally(conn, program_id, |pair_key, ratings| {
        if let Some(&i) = index.get(&pair_key) {
            tally.ratings[i] = (
                ratings.mentee_sum,
                ratings.mentee_count,
                ratings.mentor_sum,
                ratings.mentor_count,
            );
        }
    })?;
    scan::for_each_program_topic_tally(conn, program_id, |pair_key, topic_id, depth, n| {
        if let Some(&i) = index.get(&pair_key) {
            tally.topic(i, topic_id, depth, n);
        }
    })?;
    let Tally {
        ranks: _,
        facts,
        mut rows,
        mut months,
        ratings,
        by_rank,
        unknown,
        pair_topics,
        topic_bits: _,
    } = tally;
    for (row, r) in rows.iter_mut().zip(&ratings) {
        row.mentee_rating = rating_average(r.0, r.1);
        row.mentor_rating = rating_average(r.2, r.3);
    }
    for (row, topics) in rows.iter_mut().zip(pair_topics) {
        row.topics_covered = topics.iter().map(|w| w.count_ones()).sum();
    }

    // States and health.
    let mut counts = PairCounts {
        approved: rows.len() as u32,
        ..PairCounts::default()
    };
    for (i, row) in rows.iter_mut().enumerate() {
        let s = row.sessions;
        let completed = phase == ProgramPhase::Ended || (s.held > 0 && s.planned == 0);
        row.state = if completed {
            PairState::Completed
        } else if phase == ProgramPhase::Running && s.held + s.planned > 0 {
            PairState::Active
        } else {
            PairState::NotStarted
        };
        if phase == ProgramPhase::Running && !completed {
            let active_since = active_since(&pairs[i], program.start_date);
            row.risks = assess(program.cadence_weeks, active_since, &facts[i], now);
        }
        match row.state {
            PairState::Completed => counts.completed += 1,
            PairState::Active => counts.active += 1,
            PairState::NotStarted => counts.not_started += 1,
        }
        if !row.risks.is_empty() {
            counts.at_risk += 1;
        }
    }

    let mut per_topic = unknown;
    for (rank, counts) in by_rank.into_iter().enumerate() {
        if counts.total() > 0 {
            if let Some(id) = catalog.topic_id_at(rank) {
                per_topic.insert(id.to_owned(), counts);
            }
        }
    }
    let topics = platform_topics(&catalog, per_topic);
    let (mut mentee_sum, mut mentee_n, mut mentor_sum, mut mentor_n) = (0i64, 0u32, 0i64, 0u32);
    for r in &ratings {
        mentee_sum += r.0;
        mentee_n += r.1;
        mentor_sum += r.2;
        mentor_n += r.3;
    }

    let sessions = rows.iter().fold(SessionCounts::default(), |mut acc, r| {
        let s = r.sessions;
        acc.scheduled += s.scheduled;
        acc.held += s.held;
        acc.planned += s.planned;
        acc.upcoming += s.upcoming;
        acc.cancelled += s.cancelled;
        acc.no_show += s.no_show;
        acc
    });
    let hours_held = rows.iter().map(|r| r.hours_held).sum();

    // Active mentees: in an approved pair with a held session (a mentee has one pair per program).
    let active_mentees: Vec<EmployeeId> = rows
        .iter()
        .filter(|r| r.sessions.held > 0)
        .map(|r| r.mentee.id)
        .collect();
    let figures = db::followers_of(conn, &db::id_list(&active_mentees))?;

    month_entry(&mut months, start_of(program.start_date));
    month_entry(&mut months, start_of(program.end_date));
    let months = fill_months(months);

    Ok(ProgramDashboard {
        program: ProgramRef {
            id: program.id,
            name: program.name.clone(),
            start_date: program.start_date,
            end_date: program.end_date,
        },
        cadence_weeks: program.cadence_weeks,
        session_minutes: program.session_minutes,
        phase,
        as_of: now,
        pairs: counts,
        sessions,
        hours_held,
        topics,
        mentee_rating: rating_average(mentee_sum, mentee_n),
        mentor_rating: rating_average(mentor_sum, mentor_n),
        charter: db::charter_counts(conn, program_id)?,
        adoption: adoption_summary(db::mentee_profiles(conn, program_id)?),
        audience: audience_reach(&catalog, active_mentees.len() as u32, figures),
        months,
        pair_rows: rows,
    })
}

/// What the walk over the program's sessions, logs and topics adds up, per pair (indexed like
/// the pairs).
struct Tally<'c> {
    /// Catalog ranks by topic id.
    ranks: KeyMap<&'c [u8], usize>,
    facts: Vec<Vec<SessionFact>>,
    rows: Vec<PairProgress>,
    months: BTreeMap<(i32, u32), MonthSessions>,
    /// Rating sums and counts: (mentee sum, mentee count, mentor sum, mentor count).
    ratings: Vec<(i64, u32, i64, u32)>,
    /// Topic counts by catalog rank, so the hundred thousand rows need no string copies; topics
    /// missing from the catalog by id.
    by_rank: Vec<DepthCounts>,
    unknown: HashMap<String, DepthCounts>,
    /// The topics each pair taught: one bit per catalog rank, and a last bit for any topic
    /// missing from the catalog (they count as one, as they share one rank).
    pair_topics: Vec<Vec<u64>>,
    /// The number of bits of each `pair_topics` entry.
    topic_bits: usize,
}

impl<'c> Tally<'c> {
    fn new(pairs: &[db::PairRow], catalog: &'c CatalogIndex) -> Self {
        let topic_count = catalog.topic_count();
        let ranks = (0..topic_count)
            .filter_map(|rank| Some((catalog.topic_id_at(rank)?.as_bytes(), rank)))
            .collect();
        let rows = pairs
            .iter()
            .map(|p| PairProgress {
                pair_id: p.id,
                mentee: p.mentee.clone(),
                mentor: p.mentor.clone(),
                state: PairState::NotStarted,
                risks: Vec::new(),
                sessions: SessionCounts::default(),
                hours_held: 0.0,
                last_held: None,
                next_planned: None,
                topics_covered: 0,
                mentee_rating: RatingAverage::default(),
                mentor_rating: RatingAverage::default(),
            })
            .collect();
        Self {
            ranks,
            facts: vec![Vec::new(); pairs.len()],
            rows,
            months: BTreeMap::new(),
            ratings: vec![(0, 0, 0, 0); pairs.len()],
            by_rank: vec![DepthCounts::default(); topic_count],
            unknown: HashMap::new(),
            pair_topics: vec![vec![0; (topic_count + 1).div_ceil(64)]; pairs.len()],
            topic_bits: topic_count + 1,
        }
    }

    /// A session of pair `i`.
    fn session(
        &mut self,
        i: usize,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        status: SessionStatus,
        now: DateTime<Utc>,
    ) {
        self.facts[i].push(SessionFact { starts_at, status });
        let row = &mut self.rows[i];
        let upcoming = starts_at > now;
        row.sessions.add(status, upcoming);
        let month = month_entry(&mut self.months, starts_at);
        match status {
            SessionStatus::Held => {
                row.hours_held += hours_between(starts_at, ends_at);
                row.last_held = row.last_held.max(Some(starts_at));
                month.held += 1;
                month.scheduled += 1;
            }
            SessionStatus::Planned => {
                if upcoming && row.next_planned.is_none_or(|n| starts_at < n) {
                    row.next_planned = Some(starts_at);
                }
                month.scheduled += 1;
            }
            SessionStatus::NoShow => month.scheduled += 1,
            SessionStatus::Cancelled => month.cancelled += 1,
        }
    }

    /// A topic taught at `depth` in `n` held sessions of pair `i`.
    fn topic(&mut self, i: usize, topic_id: &[u8], depth: TopicDepth, n: u32) {
        let rank = self.ranks.get(topic_id).copied().unwrap_or(usize::MAX);
        match self.by_rank.get_mut(rank) {
            Some(counts) => counts.add(depth, n),
            None => self
                .unknown
                .entry(String::from_utf8_lossy(topic_id).into_owned())
                .or_default()
                .add(depth, n),
        }
        let bit = rank.min(self.topic_bits - 1);
        self.pair_topics[i][bit / 64] |= 1 << (bit % 64);
    }
}

/// A hash map keyed by numbers (pair row numbers, session ids) with a cheap hash: the keys come
/// from the database, not from an adversary, and there are a hundred thousand lookups.
pub(crate) type KeyMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// A folded 128-bit multiply over the key's bits (as in wyhash); every key bit moves the low bits
/// that pick the bucket and the high bits the table compares first.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, v: u64) {
        let m = u128::from(self.0 ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835);
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }

    fn write_i64(&mut self, v: i64) {
        self.write_u64(v as u64);
    }

    fn write_u128(&mut self, v: u128) {
        self.write_u64(v as u64);
        self.write_u64((v >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// When the pair could first meet, as the pair page measures it: its approval or the program's
/// first midnight in the mentor's time zone (sessions are planned in it), whichever is later.
fn active_since(pair: &db::PairRow, start_date: NaiveDate) -> DateTime<Utc> {
    let zone: chrono_tz::Tz = pair.mentor_timezone.parse().unwrap_or(chrono_tz::UTC);
    let start = zone
        .from_local_datetime(&start_date.and_time(NaiveTime::MIN))
        .earliest()
        .map_or_else(|| start_of(start_date), |t| t.with_timezone(&Utc));
    pair.approved_at.map_or(start, |a| a.max(start))
}

fn month_entry(
    months: &mut BTreeMap<(i32, u32), MonthSessions>,
    at: DateTime<Utc>,
) -> &mut MonthSessions {
    let key = (at.year(), at.month());
    months.entry(key).or_insert(MonthSessions {
        year: key.0,
        month: key.1,
        held: 0,
        scheduled: 0,
        cancelled: 0,
    })
}

/// The months from the first to the last key, without gaps.
fn fill_months(months: BTreeMap<(i32, u32), MonthSessions>) -> Vec<MonthSessions> {
    let (Some(&first), Some(&last)) = (months.keys().next(), months.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut y, mut m) = first;
    while (y, m) <= last {
        out.push(months.get(&(y, m)).copied().unwrap_or(MonthSessions {
            year: y,
            month: m,
            held: 0,
            scheduled: 0,
            cancelled: 0,
        }));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

/// Topic counts grouped by platform, both in catalog order; platforms without a taught topic are
/// left out.
pub(crate) fn platform_topics(
    catalog: &CatalogIndex,
    per_topic: HashMap<String, DepthCounts>,
) -> Vec<PlatformTopics> {
    let mut topics: Vec<(String, DepthCounts)> = per_topic.into_iter().collect();
    topics.sort_by_key(|(id, _)| (catalog.topic_rank(id), id.clone()));
    let mut out: Vec<PlatformTopics> = Vec::new();
    for (topic_id, depths) in topics {
        let platform_id = catalog.platform_of(&topic_id).to_owned();
        let (name_en, name_fr) = catalog.topic_names(&topic_id);
        let taught = TopicTaught {
            topic_id,
            name_en,
            name_fr,
            sessions: depths.total(),
            depths,
        };
        match out.last_mut() {
            Some(p) if p.platform_id == platform_id => {
                p.topics_taught += 1;
                for d in TopicDepth::ALL {
                    p.depths.add(d, depth_of(&depths, d));
                }
                p.topics.push(taught);
            }
            _ => out.push(PlatformTopics {
                platform_name: catalog.platform_name(&platform_id).to_owned(),
                platform_id,
                topics_taught: 1,
                depths,
                topics: vec![taught],
            }),
        }
    }
    out
}

fn depth_of(counts: &DepthCounts, depth: TopicDepth) -> u32 {
    match depth {
        TopicDepth::Shown => counts.shown,
        TopicDepth::Practised => counts.practised,
        TopicDepth::DoneAlone => counts.done_alone,
    }
}

fn adoption_summary(
    profiles: Vec<(Option<AdoptionProfile>, Option<AdoptionProfile>)>,
) -> AdoptionSummary {
    let all: Vec<Option<AdoptionProfile>> = AdoptionProfile::ALL
        .into_iter()
        .map(Some)
        .chain([None])
        .collect();
    let mut rows: Vec<ProfileCount> = all
        .iter()
        .map(|&profile| ProfileCount {
            profile,
            at_start: 0,
            now: 0,
        })
        .collect();
    let mut moves: HashMap<(Option<AdoptionProfile>, Option<AdoptionProfile>), u32> =
        HashMap::new();
    let slot =
        |p: Option<AdoptionProfile>| all.iter().position(|&q| q == p).unwrap_or(all.len() - 1);
    for (start, now) in profiles {
        rows[slot(start)].at_start += 1;
        rows[slot(now)].now += 1;
        if start != now {
            *moves.entry((start, now)).or_default() += 1;
        }
    }
    let mut moves: Vec<ProfileMove> = moves
        .into_iter()
        .map(|((from, to), count)| ProfileMove { from, to, count })
        .collect();
    moves.sort_by_key(|m| (std::cmp::Reverse(m.count), slot(m.from), slot(m.to)));
    AdoptionSummary {
        profiles: rows,
        moves,
    }
}

fn audience_reach(
    catalog: &CatalogIndex,
    active_mentees: u32,
    figures: Vec<db::PlatformFollowers>,
) -> AudienceReach {
    let by_platform: HashMap<&str, (u64, u32)> = figures
        .iter()
        .map(|(p, sum, n)| (p.as_str(), (*sum, *n)))
        .collect();
    let platforms: Vec<PlatformAudience> = catalog
        .platforms()
        .iter()
        .filter(|p| p.active)
        .map(|p| {
            let (followers, known) = by_platform.get(p.id.as_str()).copied().unwrap_or((0, 0));
            PlatformAudience {
                platform_id: p.id.clone(),
                platform_name: p.name.clone(),
                followers,
                known,
            }
        })
        .collect();
    AudienceReach {
        active_mentees,
        total_followers: platforms.iter().map(|p| p.followers).sum(),
        platforms,
    }
}
