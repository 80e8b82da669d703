import { Binary, Decimal128, Long, ObjectId, type Filter as MongoFilter } from 'mongodb';
import type { Condition, Scalar } from '../../../shared/query';
import { isTypedValue, type TypedValue } from '../../../shared/typed-value';

/**
 * A parsed filter as the MongoDB driver takes it: typed values become their BSON types (a Date
 * matches BSON Dates, an ObjectId matches `_id`s), `$regex` passes through with `$options`.
 * Built from the Condition rather than sent as typed, so exactly what was validated runs.
 */

function bsonValue(value: TypedValue): unknown {
  switch (value.type) {
    case 'date': return new Date(value.iso);
    case 'objectId': return new ObjectId(value.hex);
    case 'long': return Long.fromString(value.digits);
    case 'decimal': return Decimal128.fromString(value.digits);
    case 'binary': return new Binary(Buffer.from(value.base64, 'base64'), parseInt(value.subType, 16));
  }
}

const bson = (value: Scalar): unknown => (isTypedValue(value) ? bsonValue(value) : value);

export function toMongoFilter(condition: Condition): MongoFilter<Record<string, unknown>> {
  switch (condition.kind) {
    case 'and': return condition.conditions.length === 0 ? {} : { $and: condition.conditions.map(toMongoFilter) };
    case 'or': return { $or: condition.conditions.map(toMongoFilter) };
    case 'compare': return { [condition.field]: { [`$${condition.op}`]: bson(condition.value) } };
    case 'in': return { [condition.field]: { [condition.negate ? '$nin' : '$in']: condition.values.map(bson) } };
    case 'exists': return { [condition.field]: { $exists: condition.exists } };
    case 'regex': return { [condition.field]: { $regex: condition.pattern, ...(condition.options ? { $options: condition.options } : {}) } };
  }
}
