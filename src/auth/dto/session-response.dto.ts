import { ApiProperty } from '@nestjs/swagger';
import { UserResponse } from '../../users/user-response';

/** What login and registration answer. */
export class SessionResponse {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...' })
  token: string;

  @ApiProperty({ format: 'date-time', example: '2022-11-12T03:34:25.532Z' })
  expiresAt: string;

  @ApiProperty({ type: UserResponse })
  user: UserResponse;
}
