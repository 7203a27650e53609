"""Enterprise credentials and statistics (E23-E28) through the official SDK, against instance
ee-demo of the demo seed. Imported by tests/sdk_interop.py, which passes its client and helpers."""

import json
import os
from datetime import datetime, timedelta, timezone


def _time(text):
    """An ISO 8601 time; UTC when it has no offset."""
    t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def _seeded_sizes():
    """Artifact bytes per "<namespace>/<repo>" of ee-demo in the demo seed."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "demo-seed.json")
    with open(path, encoding="utf-8") as f:
        seed = json.load(f)
    demo = next(i for i in seed["instances"] if i["name"] == "ee-demo")
    return {
        f"{ns['name']}/{repo['name']}": sum(a["size"] for a in repo.get("artifacts", []))
        for ns in demo["namespaces"]
        for repo in ns.get("repos", [])
    }


def _status_of(call):
    """The HTTP status and SWR error code of a call that must fail."""
    try:
        call()
    except Exception as e:  # the SDK's exceptions carry status_code and error_code
        return getattr(e, "status_code", None), getattr(e, "error_code", "")
    raise AssertionError("no error")


def run(client, m, check, expect, ee):
    def create_temp_credential():
        asked = datetime.now(timezone.utc)
        r = client.create_instance_temp_credential(m.CreateInstanceTempCredentialRequest(**ee))
        expect(r.status_code == 201 and r.auth_token and r.user_id and r.token_id, r.status_code)
        lifetime = _time(r.expire_date) - asked
        expect(timedelta(hours=23, minutes=55) < lifetime < timedelta(hours=24, minutes=5), r.expire_date)
        listed = client.list_instance_lt_credentials(m.ListInstanceLtCredentialsRequest(**ee)).auth_tokens
        expect(all(c.token_id != r.token_id for c in listed), "a temporary credential was listed")
        return f"201, expires {r.expire_date}"

    check("create_instance_temp_credential (201, 24 h, not listed)", create_temp_credential)

    def list_seeded_credentials():
        r = client.list_instance_lt_credentials(m.ListInstanceLtCredentialsRequest(limit=100, offset=0, **ee))
        found = {c.name: c.enable for c in r.auth_tokens}
        expect(r.total == len(r.auth_tokens) and found.get("ci-robot") is True and found.get("old-laptop") is False, r)
        return found

    check("list_instance_lt_credentials (seeded)", list_seeded_credentials)

    created = {}

    def create_lt_credential():
        body = m.CreateLongTermCredentialRequestBody(name="interop-robot")
        r = client.create_instance_lt_credential(m.CreateInstanceLtCredentialRequest(body=body, **ee))
        expect(r.status_code == 201 and r.auth_token and r.token_id, r.status_code)
        created.update(id=r.token_id, token=r.auth_token)
        listed = client.list_instance_lt_credentials(m.ListInstanceLtCredentialsRequest(**ee))
        mine = [c for c in listed.auth_tokens if c.token_id == r.token_id]
        expect(len(mine) == 1 and mine[0].name == "interop-robot" and mine[0].enable is True, mine)
        expect(r.auth_token not in json.dumps([c.to_dict() for c in listed.auth_tokens]), "secret listed")
        return f"201 {r.token_id}"

    check("create_instance_lt_credential (201, listed without its secret)", create_lt_credential)

    def enabled(token_id):
        listed = client.list_instance_lt_credentials(m.ListInstanceLtCredentialsRequest(**ee)).auth_tokens
        return next(c.enable for c in listed if c.token_id == token_id)

    def disable_enable_lt_credential():
        for enable in (False, True):
            body = m.UpdateLongTermCredentialRequestBody(enable=enable)
            client.update_instance_lt_credential(m.UpdateInstanceLtCredentialRequest(
                credential_id=created["id"], body=body, **ee))
            expect(enabled(created["id"]) is enable, f"enable={enable} did not stick")
        return "disabled, enabled"

    check("update_instance_lt_credential (round trip)", disable_enable_lt_credential)

    def delete_lt_credential():
        client.delete_instance_lt_credential(m.DeleteInstanceLtCredentialRequest(credential_id=created["id"], **ee))
        listed = client.list_instance_lt_credentials(m.ListInstanceLtCredentialsRequest(**ee)).auth_tokens
        expect(all(c.token_id != created["id"] for c in listed), "still listed")
        status, code = _status_of(lambda: client.delete_instance_lt_credential(
            m.DeleteInstanceLtCredentialRequest(credential_id=created["id"], **ee)))
        expect(status == 404 and code.startswith("SVCSTG.SWR."), (status, code))
        body = m.UpdateLongTermCredentialRequestBody(enable=False)
        status, code = _status_of(lambda: client.update_instance_lt_credential(
            m.UpdateInstanceLtCredentialRequest(credential_id=created["id"], body=body, **ee)))
        expect(status == 404 and code.startswith("SVCSTG.SWR."), (status, code))
        return f"gone; then {status} {code}"

    check("delete_instance_lt_credential (then 404)", delete_lt_credential)

    def bad_credential_name():
        body = m.CreateLongTermCredentialRequestBody(name="Not..Valid")
        status, code = _status_of(lambda: client.create_instance_lt_credential(
            m.CreateInstanceLtCredentialRequest(body=body, **ee)))
        expect(status == 400 and code.startswith("SVCSTG.SWR."), (status, code))
        return f"{status} {code}"

    check("create_instance_lt_credential (invalid name 400)", bad_credential_name)

    def list_instance_statistics():
        r = client.list_instance_statistics(m.ListInstanceStatisticsRequest(**ee))
        namespaces = client.list_instance_namespaces(m.ListInstanceNamespacesRequest(**ee)).total
        repos = client.list_instance_repositories(m.ListInstanceRepositoriesRequest(limit=100, offset=0, **ee))
        sizes = _seeded_sizes()
        storage = sum(sizes.get(x.name, 0) for x in repos.repositories)
        expect(r.total_namespace_count == namespaces and r.total_image_count == repos.total, r)
        expect(r.storage_used == storage and storage > 0, (r.storage_used, storage))
        expect(r.long_term_quota > 0 and r.namespace_quota > 0, r)
        return f"namespaces={namespaces} images={repos.total} storage={storage}"

    check("list_instance_statistics", list_instance_statistics)
