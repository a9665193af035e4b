//! Followers per platform: the optional figures behind the program's estimated audience.
//!
//! An employee may give how many followers they have on each platform; no figure means unknown
//! (not zero). Figures go from 0 to [`MAX_FOLLOWERS`] and are set on active platforms only.

use crate::access::{self, Effect, Need};
use std::collections::HashSet;

use super::model::{AudienceChange, AudienceFigure};
use crate::domain::EmployeeId;
use crate::store::employees::{employee_exists, now_timestamp};
use crate::store::{catalog as catalog_db, progress as db};
use crate::{CoreError, CoreResult, FieldError, Store};

/// The largest follower figure accepted.
pub const MAX_FOLLOWERS: i64 = 1_000_000_000;

/// An employee's figures: every active platform in catalog order (with `followers: None` where
/// unknown), and inactive platforms only where a figure was given before they were retired.
pub fn employee_audience(store: &Store, employee: EmployeeId) -> CoreResult<Vec<AudienceFigure>> {
    access::require(store, Need::Person(employee), Effect::Read)?;
    if !employee_exists(store.conn(), employee)? {
        return Err(CoreError::not_found("employee", employee));
    }
    Ok(db::audience_of(store.conn(), employee)?
        .into_iter()
        .filter(|r| r.platform_active || r.followers.is_some())
        .map(|r| AudienceFigure {
            platform_id: r.platform_id,
            platform_name: r.platform_name,
            platform_active: r.platform_active,
            followers: r.followers.and_then(|f| u32::try_from(f).ok()),
            updated_at: r.updated_at,
        })
        .collect())
}

/// Sets or forgets (`followers: None`) an employee's figures, all or nothing, and returns the
/// figures as [`employee_audience`] does.
///
/// Refused, with one field error per problem (field `audience.<platform id>`), when a figure is
/// outside 0..=[`MAX_FOLLOWERS`] (`followers_invalid`), the platform is unknown
/// (`platform_unknown`) or retired (`platform_inactive`; forgetting a figure there is allowed), or
/// a platform is listed twice (`platform_repeated`). An unknown employee is
/// [`CoreError::NotFound`].
pub fn set_employee_audience(
    store: &mut Store,
    employee: EmployeeId,
    changes: &[AudienceChange],
) -> CoreResult<Vec<AudienceFigure>> {
    access::require(store, Need::Person(employee), Effect::Write)?;
    if !employee_exists(store.conn(), employee)? {
        return Err(CoreError::not_found("employee", employee));
    }
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for c in changes {
        let field = format!("audience.{}", c.platform_id);
        if !seen.insert(c.platform_id.as_str()) {
            errors.push(FieldError::new(
                &field,
                "platform_repeated",
                format!("the platform '{}' is listed twice", c.platform_id),
            ));
            continue;
        }
        match catalog_db::get_platform(store.conn(), &c.platform_id)? {
            None => errors.push(FieldError::new(
                &field,
                "platform_unknown",
                format!("there is no platform '{}' in the catalog", c.platform_id),
            )),
            Some(p) if !p.active && c.followers.is_some() => errors.push(FieldError::new(
                &field,
                "platform_inactive",
                format!(
                    "{} is no longer offered: reactivate it in the catalog to record followers there",
                    p.name
                ),
            )),
            Some(p) => {
                if let Some(f) = c.followers {
                    if !(0..=MAX_FOLLOWERS).contains(&f) {
                        errors.push(FieldError::new(
                            &field,
                            "followers_invalid",
                            format!(
                                "followers on {} go from 0 to 1,000,000,000; {f} is not accepted",
                                p.name
                            ),
                        ));
                    }
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    let now = now_timestamp();
    store.transaction(|tx| {
        for c in changes {
            match c.followers {
                Some(f) => db::set_followers(tx, employee, &c.platform_id, f, &now)?,
                None => db::clear_followers(tx, employee, &c.platform_id)?,
            }
        }
        Ok(())
    })?;
    employee_audience(store, employee)
}

/// Gives the active employees who take part in the program (any role but none) plausible
/// follower figures, for the demo company. Figures people entered are kept: only unknown ones are
/// written. The same `seed` and employees give the same figures. Returns how many were written.
///
/// Seniors (grade 6 and up) lean to LinkedIn and X, juniors to Instagram and TikTok; most people
/// have a few hundred followers and a few have thousands.
pub fn seed_demo_audience(store: &mut Store, seed: u64) -> CoreResult<u32> {
    let platforms: Vec<String> = catalog_db::list_platforms(store.conn())?
        .into_iter()
        .filter(|p| p.active)
        .map(|p| p.id)
        .collect();
    let people = db::audience_candidates(store.conn())?;
    let now = now_timestamp();
    store.transaction(|tx| {
        let mut written = 0;
        for (id, grade) in &people {
            let (hi, lo) = id.0.as_u64_pair();
            let mut rng = fastrand::Rng::with_seed(seed ^ hi ^ lo.rotate_left(17));
            let senior = *grade >= 6;
            for platform in &platforms {
                let (chance, median) = match (platform.as_str(), senior) {
                    ("linkedin", true) => (95, 900),
                    ("linkedin", false) => (80, 350),
                    ("x", true) => (40, 400),
                    ("x", false) => (25, 150),
                    ("instagram", true) => (25, 200),
                    ("instagram", false) => (70, 600),
                    ("tiktok", true) => (8, 80),
                    ("tiktok", false) => (55, 900),
                    ("youtube", _) => (10, 60),
                    (_, _) => (15, 150),
                };
                if rng.u32(0..100) >= chance {
                    continue;
                }
                // A rough log-normal spread: from a fifth to about eight times the median.
                let factor = (rng.f64() * 3.7 - 1.6).exp();
                let followers =
                    ((f64::from(median) * factor).round() as i64).clamp(0, MAX_FOLLOWERS);
                if db::set_followers_if_unknown(tx, *id, platform, followers, &now)? {
                    written += 1;
                }
            }
        }
        Ok(written)
    })
}
