/**
 * One-time use of assertions: each assertion id is claimed once, with a conditional put, in a
 * DynamoDB table whose items expire (TTL) a day after the assertion could last have been accepted
 * (assertion.ts rememberUntilMs), so the sweep never forgets a usable id. A second
 * claim of the same id fails, whichever Lambda instance makes it.
 */
import { ConditionalCheckFailedException, DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";

export interface AssertionLedger {
    /** True when `id` was not claimed before (and now is); false when it was: a replay. */
    claim(id: string, user: string, expiresAtMs: number): Promise<boolean>;
}

/** Attribute names of the ledger table (the SamlBroker component creates it with them). */
export const LEDGER_KEY = "assertionId";
export const LEDGER_TTL_ATTRIBUTE = "expiresAt";

export class DynamoDbLedger implements AssertionLedger {
    constructor(
        private readonly client: DynamoDBClient,
        private readonly table: string,
    ) {}

    async claim(id: string, user: string, expiresAtMs: number): Promise<boolean> {
        try {
            await this.client.send(
                new PutItemCommand({
                    TableName: this.table,
                    Item: {
                        [LEDGER_KEY]: { S: id },
                        user: { S: user },
                        // TTL attributes are epoch seconds (DynamoDB developer guide, "Time to Live").
                        [LEDGER_TTL_ATTRIBUTE]: { N: String(Math.ceil(expiresAtMs / 1000)) },
                    },
                    ConditionExpression: `attribute_not_exists(${LEDGER_KEY})`,
                }),
            );
            return true;
        } catch (err) {
            if (err instanceof ConditionalCheckFailedException) return false;
            throw err;
        }
    }
}
