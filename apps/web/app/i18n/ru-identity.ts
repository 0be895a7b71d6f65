/** Russian interface texts of the identity pages; keys start with 'identity.'. */
export const ruIdentity = {} as const;
