//! Conversions between `tandem_core::program` (with `matching`'s weights, parts and constraints)
//! and the program DTOs, and the parsing of what the UI sends: ids, the program form's dates,
//! a settings change.

use chrono::NaiveDate;
use tandem_core::domain::profile::ProfileGap;
use tandem_core::domain::EmployeeId;
use tandem_core::matching::{Constraint, Parts, Weights};
use tandem_core::program::{
    AlternativeMentor, AssignOutcome, AssignWarning, CoveredGoal, DiffPair, MatchingSettings,
    PairExplanation, PairStatus, Participant, PersonSummary, Program, ProgramId, ProgramInput,
    Proposal, RemovedMentor, ReviewPair, RunSummary, SettingsChange, Side, StoredPair, TopicName,
    UnmatchedMentee, UnmatchedWhy, WhatIf, WhyNot,
};
use tandem_core::{CoreError, CoreResult, FieldError};

use super::*;

/// A program id from the UI; `id_invalid` on `program_id` if malformed.
pub fn parse_program_id(raw: &str) -> CoreResult<ProgramId> {
    ProgramId::parse(raw).map_err(|_| {
        CoreError::invalid(
            "program_id",
            "id_invalid",
            format!("'{raw}' is not a valid program id"),
        )
    })
}

/// An employee id from the UI; `id_invalid` on `field` if malformed.
pub fn parse_employee_id(field: &str, raw: &str) -> CoreResult<EmployeeId> {
    EmployeeId::parse(raw).map_err(|_| {
        CoreError::invalid(
            field,
            "id_invalid",
            format!("'{raw}' is not a valid employee id"),
        )
    })
}

/// Employee ids from the UI, all or nothing (`id_invalid` on `employee_ids`).
pub fn parse_employee_ids(raw: &[String]) -> CoreResult<Vec<EmployeeId>> {
    raw.iter()
        .map(|r| parse_employee_id("employee_ids", r))
        .collect()
}

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

impl From<Weights> for WeightsDto {
    fn from(w: Weights) -> Self {
        WeightsDto {
            skill: w.skill,
            interests: w.interests,
            availability: w.availability,
            adoption: w.adoption,
            comfort: w.comfort,
        }
    }
}

impl From<WeightsDto> for Weights {
    fn from(w: WeightsDto) -> Self {
        Weights {
            skill: w.skill,
            interests: w.interests,
            availability: w.availability,
            adoption: w.adoption,
            comfort: w.comfort,
        }
    }
}

impl From<MatchingSettings> for MatchingSettingsDto {
    fn from(m: MatchingSettings) -> Self {
        MatchingSettingsDto {
            weights: m.weights.into(),
            default_capacity: m.default_capacity,
            require_different_department: m.require_different_department,
        }
    }
}

impl From<MatchingSettingsDto> for MatchingSettings {
    fn from(m: MatchingSettingsDto) -> Self {
        MatchingSettings {
            weights: m.weights.into(),
            default_capacity: m.default_capacity,
            require_different_department: m.require_different_department,
        }
    }
}

impl MatchingSettingsDto {
    /// The defaults a new program form starts from.
    pub fn defaults() -> Self {
        MatchingSettings::default().into()
    }
}

fn parse_date(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    match NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(FieldError::new(
                field,
                "date_invalid",
                format!("'{raw}' is not a date: use YYYY-MM-DD, e.g. 2026-01-05"),
            ));
            None
        }
    }
}

impl ProgramInputDto {
    /// The core input; unreadable dates are refused here, together (`date_invalid`). Everything
    /// else is checked by the core.
    pub fn into_domain(self) -> CoreResult<ProgramInput> {
        let mut errors = Vec::new();
        let start = parse_date("start_date", &self.start_date, &mut errors);
        let end = parse_date("end_date", &self.end_date, &mut errors);
        let (Some(start_date), Some(end_date)) = (start, end) else {
            return Err(CoreError::Validation(errors));
        };
        Ok(ProgramInput {
            name: self.name,
            start_date,
            end_date,
            cadence_weeks: self.cadence_weeks,
            session_minutes: self.session_minutes,
            charter: self.charter,
            matching: self.matching.into(),
        })
    }
}

impl From<Program> for ProgramDto {
    fn from(p: Program) -> Self {
        ProgramDto {
            id: p.id.to_string(),
            name: p.name,
            start_date: date_text(p.start_date),
            end_date: date_text(p.end_date),
            cadence_weeks: p.cadence_weeks,
            session_minutes: p.session_minutes,
            charter: p.charter,
            matching: p.matching.into(),
            mentor_count: p.mentor_count,
            mentee_count: p.mentee_count,
            proposed_count: p.proposed_count,
            approved_count: p.approved_count,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

impl From<Side> for SideDto {
    fn from(s: Side) -> Self {
        match s {
            Side::Mentor => SideDto::Mentor,
            Side::Mentee => SideDto::Mentee,
        }
    }
}

impl From<SideDto> for Side {
    fn from(s: SideDto) -> Self {
        match s {
            SideDto::Mentor => Side::Mentor,
            SideDto::Mentee => Side::Mentee,
        }
    }
}

impl From<PersonSummary> for ProgramPersonDto {
    fn from(p: PersonSummary) -> Self {
        ProgramPersonDto {
            id: p.id.to_string(),
            full_name: p.full_name(),
            first_name: p.first_name,
            last_name: p.last_name,
            email: p.email,
            department: p.department,
            title: p.title,
            active: p.active,
        }
    }
}

impl From<Participant> for ParticipantDto {
    fn from(p: Participant) -> Self {
        let profile_gaps = p.profile_gaps().into_iter().map(Into::into).collect();
        ParticipantDto {
            person: p.person.into(),
            side: p.side.into(),
            capacity_override: p.capacity_override,
            capacity: p.capacity,
            profile_gaps,
        }
    }
}

impl From<ProfileGap> for ProfileGapDto {
    fn from(g: ProfileGap) -> Self {
        match g {
            ProfileGap::Goals => ProfileGapDto::Goals,
            ProfileGap::Skills => ProfileGapDto::Skills,
            ProfileGap::Availability => ProfileGapDto::Availability,
        }
    }
}

impl From<Constraint> for ConstraintDto {
    fn from(c: Constraint) -> Self {
        match c {
            Constraint::SamePerson => Self::SamePerson,
            Constraint::Excluded => Self::Excluded,
            Constraint::ReportingChain => Self::ReportingChain,
            Constraint::SameTeam => Self::SameTeam,
            Constraint::NoSharedLanguage => Self::NoSharedLanguage,
            Constraint::MentorNotJunior => Self::MentorNotJunior,
            Constraint::SameDepartment => Self::SameDepartment,
        }
    }
}

impl From<PairStatus> for PairStatusDto {
    fn from(s: PairStatus) -> Self {
        match s {
            PairStatus::Proposed => Self::Proposed,
            PairStatus::Approved => Self::Approved,
        }
    }
}

impl From<Parts> for PartsDto {
    fn from(p: Parts) -> Self {
        PartsDto {
            skill: p.skill,
            interests: p.interests,
            availability: p.availability,
            adoption: p.adoption,
            comfort: p.comfort,
        }
    }
}

impl From<StoredPair> for PairDto {
    fn from(p: StoredPair) -> Self {
        PairDto {
            id: p.id.to_string(),
            mentee_id: p.mentee.to_string(),
            mentor_id: p.mentor.to_string(),
            status: p.status.into(),
            locked: p.locked,
            manual: p.manual,
            score: p.score,
            parts: p.parts.into(),
            version: version_dto(p.version),
        }
    }
}

/// A record version as the UI holds it (no 64-bit integers cross; a version never gets near).
pub fn version_dto(version: i64) -> u32 {
    u32::try_from(version).unwrap_or(u32::MAX)
}

impl From<TopicName> for TopicNameDto {
    fn from(t: TopicName) -> Self {
        TopicNameDto {
            id: t.id,
            platform_id: t.platform_id,
            name_en: t.name_en,
            name_fr: t.name_fr,
        }
    }
}

impl From<CoveredGoal> for CoveredGoalDto {
    fn from(g: CoveredGoal) -> Self {
        CoveredGoalDto {
            topic: g.topic.into(),
            mentee_level: g.mentee_level,
            mentee_target: g.mentee_target,
            mentor_level: g.mentor_level,
            covered: g.covered,
        }
    }
}

impl From<PairExplanation> for PairExplanationDto {
    fn from(e: PairExplanation) -> Self {
        PairExplanationDto {
            score: e.score,
            parts: e.parts.into(),
            contributions: e.contributions.into(),
            covered_goals: e.covered_goals.into_iter().map(Into::into).collect(),
            shared_interests: e.shared_interests,
            overlap_minutes: e.overlap_minutes,
            same_site: e.same_site,
            shared_languages: e.shared_languages,
            adoption_rule: e.adoption_rule,
            blocked_by: e.blocked_by.map(Into::into),
        }
    }
}

impl From<AlternativeMentor> for AlternativeMentorDto {
    fn from(a: AlternativeMentor) -> Self {
        AlternativeMentorDto {
            mentor: a.mentor.into(),
            score: a.score,
            full: a.full,
        }
    }
}

impl From<RemovedMentor> for RemovedMentorDto {
    fn from(r: RemovedMentor) -> Self {
        RemovedMentorDto {
            mentor: r.mentor.into(),
            score: r.score,
            constraint: r.constraint.into(),
        }
    }
}

impl From<ReviewPair> for ReviewPairDto {
    fn from(r: ReviewPair) -> Self {
        ReviewPairDto {
            pair: r.pair.into(),
            mentee: r.mentee.into(),
            mentor: r.mentor.into(),
            explanation: r.explanation.into(),
            alternatives: r.alternatives.into_iter().map(Into::into).collect(),
            removed: r.removed.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<UnmatchedWhy> for UnmatchedReasonDto {
    fn from(w: UnmatchedWhy) -> Self {
        match w {
            UnmatchedWhy::NoAllowedMentor => Self::NoAllowedMentor,
            UnmatchedWhy::AllowedMentorsFull => Self::AllowedMentorsFull,
            UnmatchedWhy::RerunWouldMatch => Self::RerunWouldMatch,
        }
    }
}

impl From<UnmatchedMentee> for UnmatchedMenteeDto {
    fn from(u: UnmatchedMentee) -> Self {
        UnmatchedMenteeDto {
            mentee: u.mentee.into(),
            reason: u.reason.into(),
            alternatives: u.alternatives.into_iter().map(Into::into).collect(),
            removed: u.removed.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<Proposal> for ProposalDto {
    fn from(p: Proposal) -> Self {
        ProposalDto {
            pairs: p.pairs.into_iter().map(Into::into).collect(),
            unmatched: p.unmatched.into_iter().map(Into::into).collect(),
            total_score: p.total_score,
            mentor_count: p.mentor_count,
            mentee_count: p.mentee_count,
        }
    }
}

fn millis(micros: u64) -> f64 {
    micros as f64 / 1000.0
}

impl From<RunSummary> for RunSummaryDto {
    fn from(r: RunSummary) -> Self {
        RunSummaryDto {
            pairs: r.pairs,
            kept: r.kept,
            unmatched: r.unmatched,
            total_score: r.total_score,
            elapsed_ms: millis(r.elapsed_micros),
        }
    }
}

impl From<WhyNot> for WhyNotDto {
    fn from(w: WhyNot) -> Self {
        WhyNotDto {
            mentee: w.mentee.into(),
            mentor: w.mentor.into(),
            constraints: w.constraints.into_iter().map(Into::into).collect(),
            mentor_capacity: w.mentor_capacity,
            mentor_load: w.mentor_load,
            explanation: w.explanation.into(),
        }
    }
}

impl From<AssignWarning> for AssignWarningDto {
    fn from(w: AssignWarning) -> Self {
        match w {
            AssignWarning::Constraint { constraint } => Self::Constraint {
                constraint: constraint.into(),
            },
            AssignWarning::MentorFull { capacity, load } => Self::MentorFull { capacity, load },
        }
    }
}

impl From<AssignOutcome> for AssignOutcomeDto {
    fn from(o: AssignOutcome) -> Self {
        AssignOutcomeDto {
            applied: o.applied,
            warnings: o.warnings.into_iter().map(Into::into).collect(),
        }
    }
}

impl SettingsChangeDto {
    /// The core change; a malformed mentor id is `id_invalid` on `capacity_overrides`.
    pub fn into_domain(self) -> CoreResult<SettingsChange> {
        let capacity_overrides = self
            .capacity_overrides
            .into_iter()
            .map(|o| {
                Ok((
                    parse_employee_id("capacity_overrides", &o.mentor_id)?,
                    o.capacity,
                ))
            })
            .collect::<CoreResult<_>>()?;
        Ok(SettingsChange {
            weights: self.weights.map(Into::into),
            default_capacity: self.default_capacity,
            require_different_department: self.require_different_department,
            capacity_overrides,
        })
    }
}

impl From<DiffPair> for DiffPairDto {
    fn from(d: DiffPair) -> Self {
        DiffPairDto {
            mentee: d.mentee.into(),
            mentor: d.mentor.into(),
            score: d.score,
        }
    }
}

impl From<WhatIf> for WhatIfDto {
    fn from(w: WhatIf) -> Self {
        WhatIfDto {
            added: w.added.into_iter().map(Into::into).collect(),
            removed: w.removed.into_iter().map(Into::into).collect(),
            total_before: w.total_before,
            total_after: w.total_after,
            matched_before: w.matched_before,
            matched_after: w.matched_after,
            elapsed_ms: millis(w.elapsed_micros),
        }
    }
}

impl From<(PersonSummary, PersonSummary)> for ExclusionDto {
    fn from((mentee, mentor): (PersonSummary, PersonSummary)) -> Self {
        ExclusionDto {
            mentee: mentee.into(),
            mentor: mentor.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::validation_keys as keys;

    fn input() -> ProgramInputDto {
        ProgramInputDto {
            name: "Printemps".into(),
            start_date: "2026-01-05".into(),
            end_date: "2026-07-31".into(),
            cadence_weeks: 4,
            session_minutes: 60,
            charter: String::new(),
            matching: MatchingSettingsDto::defaults(),
        }
    }

    #[test]
    fn a_program_form_converts_with_its_dates_and_settings() -> CoreResult<()> {
        let p = input().into_domain()?;
        assert_eq!(
            p.start_date,
            NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default()
        );
        assert_eq!(p.matching, MatchingSettings::default());
        Ok(())
    }

    #[test]
    fn unreadable_dates_are_refused_together_per_field() {
        let mut bad = input();
        bad.start_date = "05/01/2026".into();
        bad.end_date = "2026-02-30".into();
        assert_eq!(
            keys(bad.into_domain()),
            vec![
                ("start_date".to_owned(), "date_invalid".to_owned()),
                ("end_date".to_owned(), "date_invalid".to_owned())
            ]
        );
    }

    #[test]
    fn malformed_ids_are_refused_on_their_field() {
        assert_eq!(
            keys(parse_program_id("nope")),
            vec![("program_id".to_owned(), "id_invalid".to_owned())]
        );
        assert_eq!(
            keys(parse_employee_ids(&["x".to_owned()])),
            vec![("employee_ids".to_owned(), "id_invalid".to_owned())]
        );
        let change = SettingsChangeDto {
            capacity_overrides: vec![CapacityOverrideDto {
                mentor_id: "bad".into(),
                capacity: Some(2),
            }],
            ..SettingsChangeDto::default()
        };
        assert_eq!(
            keys(change.into_domain()),
            vec![("capacity_overrides".to_owned(), "id_invalid".to_owned())]
        );
    }
}
