/** An error shaped as the AWS SDK throws them: the exception's name, a client fault, a status. */
export function awsError(name: string, message: string, status = 400): Error {
  const error = new Error(message);
  error.name = name;
  return Object.assign(error, { $fault: "client", $metadata: { httpStatusCode: status } });
}
