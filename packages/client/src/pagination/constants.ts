/**
 * Constants of the botocore pagination protocol (botocore/paginate.py).
 * @module
 */

/** Key in a resume token for how many items of the page it points at were already returned. */
export const BOTO_TRUNCATE_AMOUNT = 'boto_truncate_amount';

/** Key in a resume token listing the paths of values that were bytes, base64-encoded. */
export const BOTO_ENCODED_KEYS = 'boto_encoded_keys';

/** Separator of the pre-2015 `token___index` starting-token form. */
export const LEGACY_TOKEN_SEPARATOR = '___';

/** Key under which `build_full_result()` stores the resume token, whatever the input token. */
export const FULL_RESULT_TOKEN_KEY = 'NextToken';
