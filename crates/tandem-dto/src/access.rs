//! Who is signed in, HR's links between logins and people, and a participant's own pairs.

use serde::Serialize;
use tandem_core::access::{LoginLink, Me};
use tandem_core::session::MyPair;
use ts_rs::TS;

use crate::{PairOverviewDto, ProfileGapDto, ProgramPersonDto, SideDto};

/// Who the app acts for, and what they take part in: the top bar, the navigation and the home
/// screen read it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MeDto {
    /// The database login on a team database; `null` on this computer's file.
    pub login: Option<String>,
    /// The employee the login is linked to.
    pub person: Option<ProgramPersonDto>,
    /// HR rights (always on this computer's file, unless viewing as someone).
    pub hr: bool,
    pub mentee: bool,
    pub mentor: bool,
    /// Someone reports to them.
    pub manager: bool,
    /// The person HR is viewing as (read-only); the role flags are then theirs.
    pub viewing_as: Option<ProgramPersonDto>,
    /// What the person's own profile lacks for the sides they take; empty when complete.
    pub profile_gaps: Vec<ProfileGapDto>,
}

impl From<Me> for MeDto {
    fn from(m: Me) -> Self {
        MeDto {
            login: m.login,
            person: m.person.map(Into::into),
            hr: m.hr,
            mentee: m.mentee,
            mentor: m.mentor,
            manager: m.manager,
            viewing_as: m.viewing_as.map(Into::into),
            profile_gaps: m.profile_gaps.into_iter().map(Into::into).collect(),
        }
    }
}

/// A login of the team database and the person it belongs to.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LoginLinkDto {
    pub login: String,
    pub person: Option<ProgramPersonDto>,
    pub hr_admin: bool,
    pub created_at: String,
}

impl From<LoginLink> for LoginLinkDto {
    fn from(l: LoginLink) -> Self {
        LoginLinkDto {
            login: l.login,
            person: l.person.map(Into::into),
            hr_admin: l.hr_admin,
            created_at: l.created_at,
        }
    }
}

/// One of the signed-in person's pairs, with their to-do in it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MyPairDto {
    pub program_id: String,
    pub program_name: String,
    pub side: SideDto,
    pub overview: PairOverviewDto,
    pub charter_acknowledged: bool,
    pub levels_to_confirm: u32,
}

impl From<MyPair> for MyPairDto {
    fn from(p: MyPair) -> Self {
        MyPairDto {
            program_id: p.program_id.to_string(),
            program_name: p.program_name,
            side: p.side.into(),
            overview: p.overview.into(),
            charter_acknowledged: p.charter_acknowledged,
            levels_to_confirm: p.levels_to_confirm,
        }
    }
}
