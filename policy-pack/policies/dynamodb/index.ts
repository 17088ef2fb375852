/** DynamoDB tables (the SAML broker's assertion ledger). One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { dynamodbTableCustomerKey } from "./dynamodb-table-customer-key";

export const rules: SecureDsPolicy[] = [dynamodbTableCustomerKey];
