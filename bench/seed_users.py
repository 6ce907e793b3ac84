"""Seeds N users into one new pool of a Cognito-compatible endpoint (moto) and prints the pool id.

Usage: seed_users.py ENDPOINT COUNT [POOL_NAME]. Uses boto3 from the moto venv with a few threads;
for the benchmark and the demo, never for tests.
"""
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3

endpoint, count = sys.argv[1], int(sys.argv[2])
name = sys.argv[3] if len(sys.argv) > 3 else "bench"
client = boto3.client(
    "cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
    aws_access_key_id="bench", aws_secret_access_key="bench",
)
pool = client.create_user_pool(
    PoolName=name,
    Schema=[{"Name": "tenant", "AttributeDataType": "String", "Mutable": True}],
)["UserPool"]["Id"]


def create(i):
    client.admin_create_user(
        UserPoolId=pool,
        Username=f"user{i:06d}",
        TemporaryPassword="Passw0rd!Tmp",
        MessageAction="SUPPRESS",
        UserAttributes=[
            {"Name": "email", "Value": f"user{i:06d}@example.com"},
            {"Name": "name", "Value": f"User Number {i}"},
            {"Name": "custom:tenant", "Value": f"tenant-{i % 17}"},
        ],
    )


with ThreadPoolExecutor(max_workers=4) as pool_exec:
    list(pool_exec.map(create, range(count)))
print(pool)
