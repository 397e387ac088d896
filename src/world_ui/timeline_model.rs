//! What the credentials timeline draws: for each instance, the role credentials the EC2
//! service issued (issue to expiry), which one its metadata service hands out now, and
//! the moments its instance profile changed.
//!
//! Pure: no web types, unit-tested on the host.

use iamsim_engine::clock::Timestamp;
use iamsim_engine::imds::IamDelivery;
use iamsim_engine::world::World;

/// One set of credentials.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// When the EC2 service got it from STS.
    pub issued: Timestamp,
    /// When it expires.
    pub expiration: Timestamp,
    /// The role it stands for.
    pub role: String,
    /// The `ASIA…` key.
    pub access_key_id: String,
    /// The metadata service hands out this one now.
    pub current: bool,
}

/// A marked moment (a profile associated, replaced or removed).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// When.
    pub at: Timestamp,
    /// What happened, in words.
    pub text: String,
}

/// One instance's row.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The instance.
    pub instance_id: String,
    /// Its credentials, oldest first.
    pub bars: Vec<Bar>,
    /// Its profile changes.
    pub marks: Vec<Mark>,
}

/// The whole plot.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineModel {
    /// The left edge.
    pub start: Timestamp,
    /// The right edge.
    pub end: Timestamp,
    /// The simulated now.
    pub now: Timestamp,
    /// One lane per instance.
    pub lanes: Vec<Lane>,
}

/// Builds the plot from the world.
pub fn timeline(world: &World) -> TimelineModel {
    let now = world.now();
    let mut lanes = Vec::new();
    for instance in world.instances() {
        let id = &instance.instance_id;
        let current_key = match instance.metadata.iam.as_ref().map(|s| &s.delivery) {
            Some(IamDelivery::Credentials { v2_key, .. }) => Some(v2_key.clone()),
            _ => None,
        };
        let mut bars: Vec<Bar> = world
            .sts()
            .sessions
            .values()
            .filter(|s| &s.session_name == id && s.source_instance_arn.is_some())
            // Each refresh issues an IMDSv1 and an IMDSv2 session; draw the v2 one.
            .filter(|s| s.role_delivery.as_deref() != Some("1.0"))
            .map(|s| Bar {
                issued: s.issued,
                expiration: s.expiration,
                role: s.role_name.clone(),
                access_key_id: s.access_key_id.clone(),
                current: current_key.as_deref() == Some(s.access_key_id.as_str()),
            })
            .collect();
        iamsim_engine::sort::sort_by_key(&mut bars, |b| (b.issued, b.access_key_id.clone()));
        let mut marks = Vec::new();
        for event in world.events().iter().filter_map(|e| e.as_api()) {
            if event.event_source != "ec2.amazonaws.com" || event.error_code.is_some() {
                continue;
            }
            let text = match event.event_name.as_str() {
                "AssociateIamInstanceProfile" => "profile associated",
                "ReplaceIamInstanceProfileAssociation" => "profile replaced",
                "DisassociateIamInstanceProfile" => "profile removed",
                _ => continue,
            };
            let about_this = event
                .request_parameters
                .get("InstanceId")
                .and_then(|v| v.as_str())
                == Some(id.as_str())
                || event.response_elements.to_string().contains(id.as_str());
            if !about_this {
                continue;
            }
            if let Some(at) = Timestamp::parse(&event.event_time) {
                marks.push(Mark {
                    at,
                    text: text.to_string(),
                });
            }
        }
        lanes.push(Lane {
            instance_id: id.clone(),
            bars,
            marks,
        });
    }
    let start = lanes
        .iter()
        .flat_map(|l| l.bars.iter().map(|b| b.issued))
        .chain(world.instances().map(|i| i.launch_time))
        .min()
        .unwrap_or(now);
    // At least two hours on screen; the future shows when the current credentials end.
    let end = lanes
        .iter()
        .flat_map(|l| l.bars.iter().filter(|b| b.current).map(|b| b.expiration))
        .max()
        .unwrap_or(now)
        .max(now.plus(3600))
        .max(start.plus(2 * 3600));
    TimelineModel {
        start,
        end,
        now,
        lanes,
    }
}

/// The x of `t` on a plot `width` wide between `start` and `end`.
pub fn x_of(t: Timestamp, start: Timestamp, end: Timestamp, width: f64) -> f64 {
    let span = end.seconds().saturating_sub(start.seconds()).max(1) as f64;
    let dt = t.seconds().saturating_sub(start.seconds()) as f64;
    // Not `clamp(0.0, width)`: it panics when `width` is negative, and its panic message
    // would link core's float formatting (~10 KB of wasm) for that case alone.
    (dt / span * width).max(0.0).min(width.max(0.0))
}

/// Hourly ticks (or every few hours for long spans) between `start` and `end`.
pub fn ticks(start: Timestamp, end: Timestamp) -> Vec<Timestamp> {
    let span = end.seconds().saturating_sub(start.seconds());
    let step = match span / 3600 {
        0..=8 => 3600,
        9..=24 => 3 * 3600,
        25..=72 => 6 * 3600,
        _ => 24 * 3600,
    };
    let first = start.seconds().div_ceil(step) * step;
    (0..)
        .map(|i| Timestamp(first + i * step))
        .take_while(|t| *t <= end)
        .take(50)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use iamsim_engine::clock::START;
    use iamsim_engine::world::Command;

    #[test]
    fn scale_and_ticks() {
        let end = START.plus(4 * 3600);
        assert_eq!(x_of(START, START, end, 400.0), 0.0);
        assert_eq!(x_of(START.plus(3600), START, end, 400.0), 100.0);
        assert_eq!(x_of(end.plus(99), START, end, 400.0), 400.0);
        // A plot with no room (negative width) puts everything at 0 instead of panicking.
        assert_eq!(x_of(START.plus(3600), START, end, -5.0), 0.0);
        assert_eq!(ticks(START.plus(60), end).len(), 4);
        assert_eq!(ticks(START, START.plus(48 * 3600)).len(), 9);
    }

    #[test]
    fn credentials_rotate_and_the_current_one_is_marked() {
        let mut world = World::new(7);
        let admin = world.admin_credentials();
        let call = |w: &mut World, service: &str, op: &str, params: serde_json::Value| {
            w.apply(Command::Call {
                origin: iamsim_engine::world::Origin::Laptop,
                credentials: Some(admin.clone()),
                service: service.into(),
                operation: op.into(),
                params,
            })
            .unwrap()
        };
        world
            .apply(Command::ConsoleCreateRoleForEc2 {
                role_name: "app-role".into(),
                managed_policy_arns: vec![],
                description: None,
            })
            .unwrap();
        call(
            &mut world,
            "ec2",
            "RunInstances",
            serde_json::json!({"ImageId": "ami-0abcdef1234567890", "InstanceType": "t3.micro",
                "MinCount": 1, "MaxCount": 1, "IamInstanceProfile": {"Name": "app-role"}}),
        );
        world.advance(300);
        world.advance(6 * 3600);
        let t = timeline(&world);
        assert_eq!(t.lanes.len(), 1);
        let lane = &t.lanes[0];
        assert!(lane.bars.len() >= 2, "{lane:?}");
        assert_eq!(lane.bars.iter().filter(|b| b.current).count(), 1);
        assert!(lane.bars.last().unwrap().current);
        assert!(lane.bars.iter().all(|b| b.role == "app-role"));
        assert!(t.end > t.now);
    }
}
