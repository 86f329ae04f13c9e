/** Limits of a product, in a module of their own: messages, forms and schemas all read them. */
export const MAX_VARIANTS = 20;
export const MAX_IMAGES = 10;
