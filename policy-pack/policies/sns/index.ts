/** SNS topics. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { snsTopicKms } from "./sns-topic-kms";

export const rules: SecureDsPolicy[] = [snsTopicKms];
