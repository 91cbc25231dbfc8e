import type { ContentContext } from "./content-context.js";
import type { FakeValues } from "./fake-values.js";
import { fillToSize } from "./fill-to-size.js";

/** A Terraform file of resource, variable and output blocks. */
export function terraform(
  fake: FakeValues,
  targetBytes: number,
  { app, env, region, team }: ContentContext,
): string {
  const { rng } = fake;
  const head = `# Managed by ${team}. Environment: ${env}.
terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.${rng.int(0, 60)}"
    }
  }
}

locals {
  environment = "${env}"
  region      = "${region}"
  tags = {
    team        = "${team}"
    application = "${app}"
    managed-by  = "terraform"
  }
}
`;
  const blocks: Array<() => string> = [
    () => `
resource "aws_s3_bucket" "${fake.snake()}" {
  bucket        = "${app}-${env}-${fake.kebab()}-${rng.hex(6)}"
  force_destroy = ${rng.chance(0.2)}
  tags          = local.tags
}
`,
    () => `
resource "aws_security_group_rule" "${fake.snake()}" {
  type              = "ingress"
  from_port         = ${fake.port()}
  to_port           = ${fake.port()}
  protocol          = "tcp"
  cidr_blocks       = ["${fake.cidr()}", "${fake.cidr()}"]
  security_group_id = aws_security_group.${fake.snake()}.id
  description       = "${fake.sentence()}"
}
`,
    () => `
variable "${fake.snake()}" {
  type        = ${rng.pick(["string", "number", "bool"])}
  description = "${fake.sentence()}"
  default     = ${rng.chance(0.5) ? rng.int(0, 1000) : `"${fake.kebab()}"`}
}
`,
    () => `
output "${fake.snake()}" {
  value       = module.${fake.snake()}.${fake.snake()}
  description = "${fake.sentence()}"
  sensitive   = ${rng.chance(0.3)}
}
`,
    () => `
module "${fake.snake()}" {
  source  = "git::https://git.example.com/${team}/terraform-modules.git//${fake.kebab()}?ref=v${fake.semver()}"
  name    = "${app}-${env}"
  vpc_id  = "vpc-${rng.hex(17)}"
  subnets = ["subnet-${rng.hex(17)}", "subnet-${rng.hex(17)}"]
  tags    = local.tags
}
`,
    () => `
resource "aws_iam_role_policy" "${fake.snake()}" {
  name = "${app}-${fake.kebab()}"
  role = aws_iam_role.${fake.snake()}.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["${rng.pick(["s3", "sqs", "kms", "dynamodb"])}:${fake.camel()}"]
      Resource = "arn:aws:${rng.pick(["s3", "sqs", "kms"])}:${region}:${rng.int(100000000000, 999999999999)}:${fake.kebab()}"
    }]
  })
}
`,
  ];
  return fillToSize(targetBytes, head, "", () => rng.pick(blocks)());
}
