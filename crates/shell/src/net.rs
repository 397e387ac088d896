//! Finding an instance by what the learner types after `ssh`.

use iamsim_engine::world::World;

/// An instance the terminal can log in to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reachable {
    /// Its id.
    pub id: String,
    /// Its short host name, e.g. `ip-10-0-1-23`.
    pub hostname: String,
}

/// The running instance named by an id, a private IP or an `ip-…` host name; or
/// ssh's error message.
pub fn find_instance(world: &World, target: &str) -> Result<Reachable, String> {
    let found = world.instances().find(|i| {
        i.instance_id == target
            || i.private_ip == target
            || i.private_dns_name == target
            || i.private_dns_name.split('.').next() == Some(target)
    });
    let Some(instance) = found else {
        return Err(format!(
            "ssh: Could not resolve hostname {target}: Name or service not known"
        ));
    };
    let state = instance.state.name();
    if state != "running" {
        let reason = if state == "pending" {
            "Connection refused"
        } else {
            "Connection timed out"
        };
        return Err(format!(
            "ssh: connect to host {} port 22: {reason}",
            instance.private_ip
        ));
    }
    let hostname = instance
        .private_dns_name
        .split('.')
        .next()
        .unwrap_or(&instance.private_dns_name)
        .to_string();
    Ok(Reachable {
        id: instance.instance_id.clone(),
        hostname,
    })
}
