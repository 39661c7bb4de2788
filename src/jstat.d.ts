/** The part of jStat (which ships no types) that the analysis uses. */
declare module 'jstat' {
	interface JStat {
		studentt: {
			/** Quantile function (inverse CDF) of Student's t with `dof` degrees of freedom. */
			inv(p: number, dof: number): number;
		};
	}
	const jStat: JStat & { jStat: JStat };
	export default jStat;
}
