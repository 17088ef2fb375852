/** SNS topics and SQS queues. */
import { length, pattern, range } from "./rule";
import { ContractRule } from "./types";

const CREATE_TOPIC = "https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html";
const SET_TOPIC_ATTRIBUTES = "https://docs.aws.amazon.com/sns/latest/api/API_SetTopicAttributes.html";
const CREATE_QUEUE = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html";

const TOPIC = "aws:sns/topic:Topic";
const QUEUE = "aws:sqs/queue:Queue";
const NAME = /^[A-Za-z0-9_-]+(\.fifo)?$/;
const NAME_CHARS = 'letters, digits, hyphens and underscores (a FIFO name ends in ".fifo")';

export const MESSAGING_RULES: readonly ContractRule[] = [
    length({ type: TOPIC, path: "name", field: "CreateTopic Name", source: CREATE_TOPIC }, 256, 1),
    pattern({ type: TOPIC, path: "name", field: "CreateTopic Name", source: CREATE_TOPIC }, NAME, NAME_CHARS),
    length({ type: TOPIC, path: "displayName", field: "SetTopicAttributes DisplayName", source: SET_TOPIC_ATTRIBUTES }, 100),
    length({ type: QUEUE, path: "name", field: "CreateQueue QueueName", source: CREATE_QUEUE }, 80, 1),
    pattern({ type: QUEUE, path: "name", field: "CreateQueue QueueName", source: CREATE_QUEUE }, NAME, NAME_CHARS),
    range({ type: QUEUE, path: "messageRetentionSeconds", field: "CreateQueue MessageRetentionPeriod", source: CREATE_QUEUE }, 60, 1209600),
    range({ type: QUEUE, path: "kmsDataKeyReusePeriodSeconds", field: "CreateQueue KmsDataKeyReusePeriodSeconds", source: CREATE_QUEUE }, 60, 86400),
    range({ type: QUEUE, path: "visibilityTimeoutSeconds", field: "CreateQueue VisibilityTimeout", source: CREATE_QUEUE }, 0, 43200),
];
