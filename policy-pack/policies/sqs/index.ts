/** SQS queues. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { sqsQueueKms } from "./sqs-queue-kms";

export const rules: SecureDsPolicy[] = [sqsQueueKms];
