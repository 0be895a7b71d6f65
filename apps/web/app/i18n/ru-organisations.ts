/** Russian interface texts of the organisations pages; keys start with 'organisations.'. */
export const ruOrganisations = {} as const;
