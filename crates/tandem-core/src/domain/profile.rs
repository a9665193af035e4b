//! When a participant's profile is complete enough for matching and planning: the one rule that
//! HR's list of incomplete profiles and each person's own "to do" both follow.
//!
//! A mentee needs at least one learning goal (a skill with a target level), a mentor at least one
//! skill, and everyone some weekly availability. To change what "complete" means, change
//! [`profile_gaps`]; the store only gathers [`ProfileFacts`].

use serde::Serialize;

/// What a profile lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileGap {
    /// A mentee with no skill that has a target level.
    Goals,
    /// A mentor with no skill at all.
    Skills,
    /// Nobody can be planned without a weekly slot.
    Availability,
}

impl ProfileGap {
    pub fn as_str(self) -> &'static str {
        match self {
            ProfileGap::Goals => "goals",
            ProfileGap::Skills => "skills",
            ProfileGap::Availability => "availability",
        }
    }
}

/// What the store knows of one person's profile, for [`profile_gaps`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProfileFacts {
    /// At least one skill with a target level.
    pub has_goal: bool,
    /// At least one skill.
    pub has_skill: bool,
    /// At least one weekly availability slot.
    pub has_availability: bool,
}

/// The sides a profile is read for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProfileSides {
    pub mentee: bool,
    pub mentor: bool,
}

/// What the profile lacks for the sides the person takes, in a fixed order; empty when complete.
pub fn profile_gaps(sides: ProfileSides, facts: ProfileFacts) -> Vec<ProfileGap> {
    let mut gaps = Vec::new();
    if sides.mentee && !facts.has_goal {
        gaps.push(ProfileGap::Goals);
    }
    if sides.mentor && !facts.has_skill {
        gaps.push(ProfileGap::Skills);
    }
    if !facts.has_availability {
        gaps.push(ProfileGap::Availability);
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMPLETE: ProfileFacts = ProfileFacts {
        has_goal: true,
        has_skill: true,
        has_availability: true,
    };

    #[test]
    fn a_mentee_needs_a_goal_and_a_mentor_a_skill() {
        let mentee = ProfileSides {
            mentee: true,
            mentor: false,
        };
        let mentor = ProfileSides {
            mentee: false,
            mentor: true,
        };
        // A skill without a target is no learning goal.
        let skill_only = ProfileFacts {
            has_goal: false,
            ..COMPLETE
        };
        assert_eq!(profile_gaps(mentee, skill_only), vec![ProfileGap::Goals]);
        assert_eq!(profile_gaps(mentor, skill_only), vec![]);
        let nothing = ProfileFacts::default();
        assert_eq!(
            profile_gaps(mentor, nothing),
            vec![ProfileGap::Skills, ProfileGap::Availability]
        );
        let both = ProfileSides {
            mentee: true,
            mentor: true,
        };
        assert_eq!(
            profile_gaps(both, nothing),
            vec![
                ProfileGap::Goals,
                ProfileGap::Skills,
                ProfileGap::Availability
            ]
        );
        assert_eq!(profile_gaps(both, COMPLETE), vec![]);
    }

    #[test]
    fn everyone_needs_availability() {
        let no_slot = ProfileFacts {
            has_availability: false,
            ..COMPLETE
        };
        assert_eq!(
            profile_gaps(ProfileSides::default(), no_slot),
            vec![ProfileGap::Availability]
        );
    }
}
